#!/usr/bin/env bash
# Issue 15's load run, one command: builds the bundle, installs the release zip into a Keycloak 26.7.3 of its own
# under benchmarks/target/keycloak, builds it for production mode (kc.sh build: caches and theme caching as an
# operator runs them; H2 in a file, HTTP on loopback only), imports the demo realm, and runs the load driver with
# the server's process id, so that the server's CPU time per operation is read from /proc. Prints the driver's
# table. Never run by verify (LoadDriverIT is its smoke run).
#   benchmarks/run-load.sh [driver options, e.g. --ops a,s,b,c,d,e --threads 1,4,8 --seconds 10 --rounds 3]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${KC_PORT:-8180}"
MANAGEMENT_PORT="${KC_MANAGEMENT_PORT:-9100}"
KC_HOME=benchmarks/target/keycloak
URL="http://localhost:${PORT}"  # the demo NAF names itself localhost

./mvnw -B -q install -DskipTests
rm -rf "${KC_HOME}"
cp -r it-tests/target/keycloak-26.7.3 "${KC_HOME}"
(cd distribution/target && sha256sum -c --quiet ucdgba-*-keycloak-providers.zip.sha256)
ZIP="$(ls "$PWD"/distribution/target/ucdgba-*-keycloak-providers.zip)"
(cd "${KC_HOME}" && jar xf "${ZIP}")
mkdir -p "${KC_HOME}/data/import"
sed "s#\${KC_URL}#${URL}#g" demo/realms/operator-realm.json > "${KC_HOME}/data/import/operator-realm.json"
"${KC_HOME}/bin/kc.sh" build --db=dev-file --health-enabled=true --metrics-enabled=true > benchmarks/target/build.log
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "${KC_HOME}/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false --http-host=127.0.0.1 \
  --http-port="${PORT}" --http-management-port="${MANAGEMENT_PORT}" --import-realm \
  > benchmarks/target/keycloak.log 2>&1 &
KC_PID=$!
stop_keycloak() {
  kill "${KC_PID}" 2>/dev/null || return 0
  for _ in $(seq 1 30); do
    kill -0 "${KC_PID}" 2>/dev/null || return 0
    sleep 1
  done
  kill -9 "${KC_PID}" 2>/dev/null || true
}
trap stop_keycloak EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:${MANAGEMENT_PORT}/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
# kc.sh execs java: the Java process is the server.
JAVA_PID="$(pgrep -P "${KC_PID}" java || echo "${KC_PID}")"
java -cp benchmarks/target/benchmarks.jar org.ucdgba.benchmarks.load.LoadDriver --url "${URL}" --pid "${JAVA_PID}" "$@"
