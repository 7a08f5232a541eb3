#!/usr/bin/env bash
# Issue 15's load run, one command: builds the bundle, installs the release zip into a Keycloak 26.7.3 of its own
# under benchmarks/target/keycloak, builds it for production mode (kc.sh build: caches and theme caching as an
# operator runs them; H2 in a file, HTTP on loopback only), imports the demo realm, and runs the load driver with
# the server's process id, so that the server's CPU time per operation is read from /proc. Prints the driver's
# table. Never run by verify (LoadDriverIT is its smoke run).
#   benchmarks/run-load.sh [driver options, e.g. --ops a,s,b,c,d,e --threads 1,4,8 --seconds 10 --rounds 3]
# With DB=postgres, the server's database is a PostgreSQL of Debian's packages (a new cluster under
# benchmarks/target/pg, default settings, fsync on) instead of H2.
# With MAIN=HeapCost, it runs org.ucdgba.benchmarks.load.HeapCost (what the BSF's state costs in the heap) instead
# of the load driver.
# With JFR=<file>, the server records a Java Flight Recording (settings "profile") into <file> until it stops.
set -euo pipefail
[[ -n "${JFR:-}" ]] && JFR="$(realpath -m "${JFR}")"
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
DB="${DB:-dev-file}"
DB_OPTIONS=()
PG_DIR="$PWD/benchmarks/target/pg"
KC_PID=""
stop_postgres() { :; }
stop_server() {
  [[ -n "${KC_PID}" ]] || return 0
  kill "${KC_PID}" 2>/dev/null || return 0
  for _ in $(seq 1 30); do
    kill -0 "${KC_PID}" 2>/dev/null || return 0
    sleep 1
  done
  kill -9 "${KC_PID}" 2>/dev/null || true
}
trap 'stop_server; stop_postgres' EXIT
if [[ "${DB}" == postgres ]]; then
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PG_PORT="${PG_PORT:-55432}"
  as_postgres=()
  [[ "$(id -u)" == 0 ]] && as_postgres=(runuser -u postgres --)
  stop_postgres() { "${as_postgres[@]}" "${PG_BIN}/pg_ctl" -D "${PG_DIR}/data" -m fast -w stop > /dev/null || true; }
  # A cluster an earlier run left running is stopped before its directory goes.
  [[ -f "${PG_DIR}/data/postmaster.pid" ]] && stop_postgres
  rm -rf "${PG_DIR}" && mkdir -p "${PG_DIR}"
  [[ "$(id -u)" == 0 ]] && chown postgres:postgres "${PG_DIR}"
  "${as_postgres[@]}" "${PG_BIN}/initdb" -D "${PG_DIR}/data" -U keycloak --auth=trust -E UTF8 --no-instructions \
    > /dev/null
  "${as_postgres[@]}" "${PG_BIN}/pg_ctl" -D "${PG_DIR}/data" -l "${PG_DIR}/postgres.log" -w \
    -o "-p ${PG_PORT} -c listen_addresses=127.0.0.1 -k ${PG_DIR} -c max_connections=200" start > /dev/null
  "${as_postgres[@]}" "${PG_BIN}/createdb" -h 127.0.0.1 -p "${PG_PORT}" -U keycloak keycloak
  DB_OPTIONS=(--db-url="jdbc:postgresql://127.0.0.1:${PG_PORT}/keycloak" --db-username=keycloak \
    --db-password=keycloak)
fi
"${KC_HOME}/bin/kc.sh" build --db="${DB}" --health-enabled=true --metrics-enabled=true > benchmarks/target/build.log
if [[ -n "${JFR:-}" ]]; then
  export JAVA_OPTS_APPEND="-XX:StartFlightRecording=filename=${JFR},settings=profile,dumponexit=true"
fi
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "${KC_HOME}/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false --http-host=127.0.0.1 \
  --http-port="${PORT}" --http-management-port="${MANAGEMENT_PORT}" --import-realm "${DB_OPTIONS[@]}" \
  > benchmarks/target/keycloak.log 2>&1 &
KC_PID=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:${MANAGEMENT_PORT}/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
# kc.sh execs java: the Java process is the server.
JAVA_PID="$(pgrep -P "${KC_PID}" java || echo "${KC_PID}")"
SERVER_PIDS="${JAVA_PID}"
# PostgreSQL's postmaster and its backends count as the server's CPU, as H2 inside Keycloak's process does.
[[ "${DB}" == postgres ]] && SERVER_PIDS="${SERVER_PIDS},$(head -1 "${PG_DIR}/data/postmaster.pid")"
java -cp benchmarks/target/benchmarks.jar "org.ucdgba.benchmarks.load.${MAIN:-LoadDriver}" --url "${URL}" --pid "${SERVER_PIDS}" \
  "$@"
