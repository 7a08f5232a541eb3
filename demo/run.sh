#!/usr/bin/env bash
# The main job: build the bundle, fetch Keycloak 26.7.3, install the bundle into it, import the demo operator realm
# (BSF, NAF, a subscriber with an ISIM credential, a third-party OIDC site), start Keycloak with its embedded
# database, and let a simulated ISIM device log in to the site with no password. Keycloak stays up afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${KC_PORT:-8080}"
MANAGEMENT_PORT="${KC_MANAGEMENT_PORT:-9000}"
KC_HOME=demo/target/keycloak
URL="http://localhost:${PORT}"

echo "==> Building (Maven wrapper; also unpacks keycloak-quarkus-dist and collects the provider jars)"
./mvnw -B -q install -DskipTests

if [ -f demo/target/keycloak.pid ] && kill -0 "$(cat demo/target/keycloak.pid)" 2>/dev/null; then
  echo "==> Stopping the Keycloak this script started before"
  demo/stop.sh
fi

echo "==> Installing the bundle into ${KC_HOME}"
if [ ! -x "${KC_HOME}/bin/kc.sh" ]; then
  mkdir -p demo/target
  cp -r it-tests/target/keycloak-26.7.3 "${KC_HOME}"
fi
# As distribution/src/main/release/INSTALL.md says: check the release zip, drop earlier jars, unzip into KC_HOME.
(cd distribution/target && sha256sum -c --quiet ucdgba-*-keycloak-providers.zip.sha256)
rm -f "${KC_HOME}"/providers/*.jar
ZIP="$(ls "$PWD"/distribution/target/ucdgba-*-keycloak-providers.zip)"
(cd "${KC_HOME}" && jar xf "${ZIP}")  # the JDK's unzip
rm -rf "${KC_HOME}/data"
mkdir -p "${KC_HOME}/data/import"
sed "s#\${KC_URL}#${URL}#g" demo/realms/operator-realm.json > "${KC_HOME}/data/import/operator-realm.json"

echo "==> Starting Keycloak on ${URL} (log: demo/target/keycloak.log)"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  nohup "${KC_HOME}/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="${PORT}" \
  --http-management-port="${MANAGEMENT_PORT}" --health-enabled=true --metrics-enabled=true --import-realm \
  > demo/target/keycloak.log 2>&1 &
echo $! > demo/target/keycloak.pid
for _ in $(seq 1 240); do
  if curl -sf "http://127.0.0.1:${MANAGEMENT_PORT}/health/ready" > /dev/null 2>&1; then
    break
  fi
  sleep 1
done
curl -sf "http://127.0.0.1:${MANAGEMENT_PORT}/health/ready" > /dev/null || {
  echo "Keycloak did not become ready; see demo/target/keycloak.log" >&2
  exit 1
}

echo "==> Importing three SIM cards from demo/cards.csv (pySim's layout; KI and OPC under a transport key)"
TOKEN="$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
  "${URL}/realms/master/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')"
gzip -c demo/cards.csv | curl -sf -X POST "${URL}/admin/realms/operator/gba-subscribers/import?mncDigits=2&rows=all" \
  -H "Authorization: Bearer ${TOKEN}" -H 'Content-Type: text/csv' -H 'Content-Encoding: gzip' \
  -H 'Gba-Column-Keys: KI:000102030405060708090a0b0c0d0e0f,OPC:000102030405060708090a0b0c0d0e0f' \
  --data-binary @-
echo

echo "==> The first imported card's device logs in to the site (K and OPc of TS 35.207 test set 2)"
java -jar gba-client/target/gba-client-*-cli.jar demo-site \
  --issuer "${URL}/realms/operator" --client-id demo-rp --client-secret demo-rp-secret \
  --redirect-uri https://rp.example/callback \
  --bsf "${URL}/realms/operator/gba-bsf" --impi 001010000000101@ims.mnc001.mcc001.3gppnetwork.org \
  --k 0396eb317b6d1c36f19c1c84cd6ffd16 --opc 53c15671c60a4b731c55b4a441c0bde2 \
  --state demo/target/card-101.properties

echo "==> A subscriber's device (software ISIM) logs in to the third-party site 'demo-rp'"
# The subscriber of the demo realm: IMPI and the ISIM's K and OPc (TS 35.207 test set 1 values).
java -jar gba-client/target/gba-client-*-cli.jar demo-site \
  --issuer "${URL}/realms/operator" --client-id demo-rp --client-secret demo-rp-secret \
  --redirect-uri https://rp.example/callback \
  --bsf "${URL}/realms/operator/gba-bsf" --impi alice@ims.operator.example \
  --k 465b5ce8b199b49faa5f0a2ee238a6bc --opc cd63cb71954a9f4e48a5994e37a02baf \
  --state demo/target/device.properties

echo "==> The bundle's health group and meters (management port)"
curl -s "http://127.0.0.1:${MANAGEMENT_PORT}/health/group/ucdgba"
echo
curl -s "http://127.0.0.1:${MANAGEMENT_PORT}/metrics" | grep '^ucdgba_' || true

cat <<MSG

Keycloak keeps running: admin console ${URL}/admin (admin / admin), realm 'operator'.
Try again:  java -jar gba-client/target/gba-client-*-cli.jar --help
Stop it:    demo/stop.sh
MSG
