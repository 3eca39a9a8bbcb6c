#!/usr/bin/env bash
# Cold BuildImage against a cache-hit BuildImage, side by side in one run, as a user runs them: ./build.sh BuildImage.
# Cold: as on a fresh checkout or CI machine: no image with the content tag, no BuildKit cache, no publish output and no
# bin/ or obj/ of the service (the NuGet package cache is kept). Cache hit: the same inputs again, at the same commit
# and so the same version: both are stamped into the image and part of its content tag.
# Goals: cache hit median under 3 s and at least 10 times faster than cold. Exits 1 when one fails.
# Needs a Docker engine: run it as  build/services/with-services.sh build/benchmarks/image-cache.sh
# (SERVICES_ONLY=docker is enough). Results: artifacts/benchmarks/image-cache.json.
# Environment: COLD_RUNS (2), WARM_RUNS (5).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
OUT=artifacts/benchmarks/image-cache.json
GOAL_WARM_SECONDS=3 GOAL_RATIO=10
COLD_RUNS=${COLD_RUNS:-2} WARM_RUNS=${WARM_RUNS:-5}
docker_cli=${DOCKER_EXE:-docker}

# What a cold build starts from: the content tag's image gone, BuildKit's cache, the publish output and the service's
# compiled output deleted.
make_cold() {
  local images
  images=$("$docker_cli" image ls --format '{{.Repository}}:{{.Tag}}' | grep -E '^app:' || true)
  [[ -z "$images" ]] || "$docker_cli" rmi --force $images > /dev/null
  "$docker_cli" builder prune --all --force > /dev/null 2>&1 || true
  rm -rf artifacts/image src/App/bin src/App/obj
}

# time_runs <name> <runs> <prepare function or ''>: prints the seconds of each run of ./build.sh BuildImage.
time_runs() {
  local name="$1" runs="$2" prepare="$3" run t0
  for ((run = 0; run < runs; run++)); do
    [[ -z "$prepare" ]] || "$prepare"
    t0=$EPOCHREALTIME
    ./build.sh BuildImage > "artifacts/benchmarks/$name-$run.log" 2>&1 || { cat "artifacts/benchmarks/$name-$run.log" >&2; exit 1; }
    awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", b - a }'
  done
}

median() { sort -g | awk '{ t[NR] = $1 } END { print NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }

mkdir -p artifacts/benchmarks
./build.sh --help > /dev/null # the compiled build is current: neither side pays for compiling it
echo "cold: $COLD_RUNS run(s), each after removing the image, BuildKit's cache and the publish output" >&2
mapfile -t cold < <(time_runs cold "$COLD_RUNS" make_cold)
grep -q "Succeeded.*built app" artifacts/benchmarks/cold-0.log || { echo "image-cache.sh: the cold run did not build" >&2; exit 1; }
echo "cache hit: $WARM_RUNS run(s)" >&2
mapfile -t warm < <(time_runs warm "$WARM_RUNS" '')
grep -q "cache hit app" artifacts/benchmarks/warm-0.log || { echo "image-cache.sh: the second run was no cache hit" >&2; exit 1; }

cold_median=$(printf '%s\n' "${cold[@]}" | median)
warm_median=$(printf '%s\n' "${warm[@]}" | median)
printf '{ "cold": { "median": %s, "times": [%s] }, "cacheHit": { "median": %s, "times": [%s] } }\n' \
  "$cold_median" "$(IFS=,; echo "${cold[*]}")" "$warm_median" "$(IFS=,; echo "${warm[*]}")" > "$OUT"

awk -v cold="$cold_median" -v warm="$warm_median" -v goal_warm="$GOAL_WARM_SECONDS" -v goal_ratio="$GOAL_RATIO" -v out="$OUT" '
  function verdict(ok) { return ok ? "ok" : "FAILED" }
  BEGIN {
    ratio = cold / warm
    printf "\n./build.sh BuildImage, median wall time (%s)\n", out
    printf "  cold (publish + docker build)   %7.2f s\n", cold
    printf "  cache hit (content tag found)   %7.2f s\n", warm
    printf "  ratio                           %7.1f x\n\n", ratio
    ok1 = warm < goal_warm; ok2 = ratio >= goal_ratio
    printf "Goal: cache hit under %g s: %s\n", goal_warm, verdict(ok1)
    printf "Goal: cache hit at least %gx faster than cold: %s\n", goal_ratio, verdict(ok2)
    exit !(ok1 && ok2)
  }'
