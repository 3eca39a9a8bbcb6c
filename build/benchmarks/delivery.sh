#!/usr/bin/env bash
# The deploy's own speed on the local environment, under load: two deploys of the image PushEcr recorded (the second
# to the other color, --force-deploy), then a Rollback, each while hey sends 60 requests/s through the public
# listener. Reports each deploy's overhead (its seconds less the configured bake and drain, from
# artifacts/deployment.json), the flip and the whole `./build.sh Rollback` process, and the failed requests.
# Goals: overhead under 5 s, `./build.sh Rollback` under 2 s, no failed request. Exits 1 when one fails.
# Needs the local environment and a pushed image: run `./build.sh DeployLocal` once first. Needs hey (apt-get install hey).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
PUBLIC=${PUBLIC:-http://127.0.0.1:8080/version}
GOAL_OVERHEAD=5 GOAL_ROLLBACK=2
command -v hey > /dev/null || { echo "delivery benchmark: hey is not installed (apt-get install hey)" >&2; exit 2; }
[[ -f artifacts/image.json ]] || { echo "delivery benchmark: no artifacts/image.json: run ./build.sh DeployLocal first" >&2; exit 2; }
./build.sh --help > /dev/null # compiled once, outside the measurements

failed=0
# under_load <name> <command...>: runs the command while hey loads the public listener; prints failed requests.
under_load() {
  local name=$1 report
  shift
  report=$(mktemp)
  hey -z 600s -q 30 -c 2 "$PUBLIC" > "$report" 2>&1 &
  local hey_pid=$!
  sleep 1
  "$@" > "artifacts/benchmarks/delivery-$name.log" 2>&1 || { echo "$name failed: see artifacts/benchmarks/delivery-$name.log" >&2; kill -INT $hey_pid; exit 1; }
  sleep 1
  kill -INT $hey_pid
  wait $hey_pid || true
  local counts
  # hey's report: "[200] 1234 responses" per status, and under "Error distribution:" "[3] Get …: error" per error.
  counts=$(python3 - "$report" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
statuses = {int(c): int(n) for c, n in re.findall(r"^\s+\[(\d{3})\]\s+(\d+) responses", text, re.M)}
errors = sum(int(n) for n in re.findall(r"^\s+\[(\d+)\]\s+\w+ ", text.split("Error distribution:")[1], re.M)) if "Error distribution:" in text else 0
print(sum(statuses.values()) + errors, sum(n for c, n in statuses.items() if c >= 500) + errors)
PY
)
  read -r total errors <<< "$counts"
  echo "$name: $total requests, $errors failed"
  failed=$(( failed + errors ))
  rm -f "$report"
}

overhead() {
  python3 -c 'import json; d = json.load(open("artifacts/deployment.json")); print("%.2f %.2f %.2f %s" % (d["seconds"] - d["configuredWaitSeconds"], d["seconds"], d["configuredWaitSeconds"], d["outcome"]))'
}

mkdir -p artifacts/benchmarks
verdict=0
for run in 1 2; do
  under_load "deploy-$run" ./build.sh DeployBlueGreen --environment local --force-deploy
  read -r own total waits outcome <<< "$(overhead)"
  echo "deploy $run: $outcome in $total s, configured waits $waits s: overhead $own s (goal < $GOAL_OVERHEAD s)"
  awk -v o="$own" -v g="$GOAL_OVERHEAD" 'BEGIN { exit !(o < g) }' || verdict=1
done

start=$(date +%s.%N)
under_load rollback ./build.sh Rollback --environment local
took=$(echo "$(date +%s.%N) - $start - 2" | bc) # less the load's second before and after
flip=$(python3 -c 'import json; print(json.load(open("artifacts/deployment.json"))["seconds"])')
echo "rollback: ./build.sh Rollback took $took s, the flip $flip s (goal: the process under $GOAL_ROLLBACK s)"
awk -v t="$took" -v g="$GOAL_ROLLBACK" 'BEGIN { exit !(t < g) }' || verdict=1
(( failed == 0 )) || verdict=1
echo "failed requests in all: $failed"
exit $verdict
