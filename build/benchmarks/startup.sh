#!/usr/bin/env bash
# Warm start: `./build.sh --help` against `dotnet run --project build -- --help`, in one run.
# Goals: build.sh median <= 0.25 s, and dotnet run median / build.sh median >= 8. Exits 1 when one fails.
# Also measures the two ways build.sh could launch the compiled build (dotnet _build.dll, apphost),
# for information. Results: artifacts/benchmarks/startup.json (hyperfine's format; the fallback
# timing loop writes the same fields: command, mean, median, min, max, times).
# Environment: FAST_RUNS (20), SLOW_RUNS (5), NO_HYPERFINE=1 to use the fallback loop.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
OUT=artifacts/benchmarks/startup.json
GOAL_MEDIAN=0.25 GOAL_RATIO=8
FAST_RUNS=${FAST_RUNS:-20} SLOW_RUNS=${SLOW_RUNS:-5} WARMUP=3

names=(build.sh "dotnet run" "dotnet _build.dll" "apphost _build")
commands=("./build.sh --help" "dotnet run --project build -- --help"
  "dotnet .nuke/temp/build/_build.dll --help" ".nuke/temp/build/_build --help")

ensure_hyperfine() {
  [[ ${NO_HYPERFINE:-} == 1 ]] && return 1
  command -v hyperfine >/dev/null && return 0
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing hyperfine (apt-get)…" >&2
    apt-get install -y -qq hyperfine >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1; } || true
  fi
  command -v hyperfine >/dev/null
}

# hyperfine stops at max-runs once a command has had ~3 s, and goes on to min-runs otherwise:
# that gives FAST_RUNS runs to the ~50 ms commands and SLOW_RUNS to the ~2 s `dotnet run`.
measure_with_hyperfine() {
  local args=(--warmup "$WARMUP" --min-runs "$SLOW_RUNS" --max-runs "$FAST_RUNS" --shell=none
    --style basic --export-json "$OUT") i
  for i in "${!names[@]}"; do args+=(-n "${names[i]}" "${commands[i]}"); done
  hyperfine "${args[@]}" >&2
}

# Fallback: time each command with bash's microsecond clock, write the same JSON fields.
measure_with_loop() {
  echo "hyperfine is not available; timing with a bash loop." >&2
  local i run runs t0 times sep=''
  echo '{ "results": [' >"$OUT"
  for i in "${!names[@]}"; do
    runs=$FAST_RUNS
    [[ ${names[i]} == "dotnet run" ]] && runs=$SLOW_RUNS
    for ((run = 0; run < WARMUP; run++)); do ${commands[i]} >/dev/null; done
    times=()
    for ((run = 0; run < runs; run++)); do
      t0=$EPOCHREALTIME
      ${commands[i]} >/dev/null
      times+=("$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.6f", b - a }')")
    done
    printf '%s\n' "${times[@]}" | sort -g | awk -v name="${names[i]}" -v sep="$sep" -v raw="${times[*]}" '
      { t[NR] = $1; sum += $1 }
      END {
        median = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "%s{ \"command\": \"%s\", \"mean\": %.6f, \"median\": %.6f, \"min\": %.6f, \"max\": %.6f, \"times\": [", sep, name, sum / NR, median, t[1], t[NR]
        n = split(raw, r, " ") # the times in run order, as hyperfine writes them
        for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? ", " : ""), r[i]
        print "] }"
      }' >>"$OUT"
    echo "  ${names[i]}: $runs runs" >&2
    sep=','
  done
  echo '] }' >>"$OUT"
}

mkdir -p "$(dirname "$OUT")"
# Both sides warm: the build compiled by build.sh, and dotnet run's own build up to date.
./build.sh --help >/dev/null
dotnet run --project build -- --help >/dev/null

if ensure_hyperfine; then measure_with_hyperfine; else measure_with_loop; fi

# Medians in the order of `names` (both writers put one "median" per result, in order).
mapfile -t medians < <(grep -o '"median": *[0-9.eE+-]*' "$OUT" | awk '{ print $2 }')
((${#medians[@]} == ${#names[@]})) || { echo "startup.sh: cannot read the medians from $OUT" >&2; exit 1; }

awk -v fast="${medians[0]}" -v slow="${medians[1]}" -v dll="${medians[2]}" -v apphost="${medians[3]}" \
  -v goal_median="$GOAL_MEDIAN" -v goal_ratio="$GOAL_RATIO" -v out="$OUT" '
  function verdict(ok) { return ok ? "ok" : "FAILED" }
  BEGIN {
    ratio = slow / fast
    printf "\nWarm start, median (%s)\n", out
    printf "  ./build.sh --help                        %7.1f ms\n", fast * 1000
    printf "  dotnet run --project build -- --help     %7.1f ms\n", slow * 1000
    printf "  dotnet .nuke/temp/build/_build.dll       %7.1f ms  (launch by dll)\n", dll * 1000
    printf "  .nuke/temp/build/_build (apphost)        %7.1f ms  (launch by apphost)\n", apphost * 1000
    printf "  ratio dotnet run / build.sh              %7.1f x\n", ratio
    printf "  build.sh overhead over a direct launch   %7.1f ms\n\n", (fast - dll) * 1000
    ok1 = fast <= goal_median; ok2 = ratio >= goal_ratio
    printf "Goal: build.sh median <= %.0f ms: %s\n", goal_median * 1000, verdict(ok1)
    printf "Goal: at least %gx faster than dotnet run: %s\n", goal_ratio, verdict(ok2)
    exit !(ok1 && ok2)
  }'
