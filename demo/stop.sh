#!/usr/bin/env bash
# Stops the Keycloak that demo/run.sh started.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f demo/target/keycloak.pid ]; then
  pid="$(cat demo/target/keycloak.pid)"
  pkill -TERM -P "${pid}" 2>/dev/null || true
  kill "${pid}" 2>/dev/null || true
  rm -f demo/target/keycloak.pid
fi
