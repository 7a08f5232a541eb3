#!/usr/bin/env bash
# How long the BSF takes to answer a Ub first request for an IMPI with a subscription and for one without,
# interleaved, against a running Keycloak with the demo realm (demo/run.sh). Prints the median and percentiles
# of each, after 50 warm-up rounds. Run by hand; timing is never asserted in a test.
#   benchmarks/ub-challenge-timing.sh [base-url] [rounds]
# The demo realm's budget of 30 challenges per IMPI and window must be raised first, e.g. with the admin API:
# realm attribute gba.bsf.ubChallengesPerImpi=10000.
set -euo pipefail
URL="${1:-http://localhost:8080}"
ROUNDS="${2:-300}"
out=$(mktemp)
for i in $(seq 1 "$ROUNDS"); do
  for who in alice@ims.operator.example "nobody$((i % 7))@ims.operator.example"; do
    t=$(curl -s -o /dev/null -w "%{time_total}" -H "Authorization: Digest username=\"$who\", realm=\"localhost\", \
nonce=\"\", uri=\"/realms/operator/gba-bsf\", response=\"\"" "$URL/realms/operator/gba-bsf")
    echo "${who%%@*} $t" >> "$out"
  done
done
python3 - "$out" <<'PY'
import statistics as st, sys
d = {}
for line in open(sys.argv[1]):
    who, t = line.split()
    d.setdefault('subscriber' if who == 'alice' else 'no subscription', []).append(float(t) * 1000)
for k, v in d.items():
    v = v[50:]
    q = st.quantiles(v, n=100)
    print('%-16s n=%d median=%.2f ms p10=%.2f p90=%.2f p99=%.2f' % (k, len(v), st.median(v), q[9], q[89], q[98]))
PY
rm -f "$out"
