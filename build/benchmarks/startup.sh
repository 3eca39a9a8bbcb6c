#!/usr/bin/env bash
# Warm start: `./build.sh --help` against a trivial console app (`dotnet hello.dll`, the floor for any
# .NET process) and against `dotnet run --project build -- --help`, in one run.
# Goals: build.sh median <= 0.25 s, at most 2x the hello app's median, and dotnet run median / build.sh
# median >= 8. Exits 1 when one fails.
# Also measures the two ways build.sh could launch the compiled build (dotnet _build.dll, apphost), and
# the hello app with invariant globalization (as the build runs: no ICU to load), for information. Results: artifacts/benchmarks/startup.json (hyperfine's format; the fallback
# timing loop writes the same fields: command, mean, median, min, max, times).
# Environment: FAST_RUNS (20), SLOW_RUNS (5), NO_HYPERFINE=1 to use the fallback loop.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
OUT=artifacts/benchmarks/startup.json
GOAL_MEDIAN=0.25 GOAL_RATIO=8 GOAL_HELLO_RATIO=2
FAST_RUNS=${FAST_RUNS:-20} SLOW_RUNS=${SLOW_RUNS:-5} WARMUP=3
HELLO=$(mktemp -d)
trap 'rm -rf "$HELLO"' EXIT

# The two the goal compares first and side by side; `dotnet run`, which loads the machine most, last.
names=(build.sh "dotnet hello.dll" "hello, invariant" "dotnet _build.dll" "apphost _build" "dotnet run")
commands=("./build.sh --help" "dotnet $HELLO/out/hello.dll" "dotnet $HELLO/invariant/hello.dll"
  "dotnet .nuke/temp/build/_build.dll --help" ".nuke/temp/build/_build --help" "dotnet run --project build -- --help")

# The hello app: the console template's settings, Release, the build's target framework; outside the
# repository, so none of its props apply.
build_hello() {
  local framework
  framework=$(sed -n 's|.*<TargetFramework>\(.*\)</TargetFramework>.*|\1|p' Directory.Build.props)
  cat >"$HELLO/hello.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>$framework</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
</Project>
XML
  echo 'Console.WriteLine("Hello, World!");' >"$HELLO/Program.cs"
  dotnet build "$HELLO/hello.csproj" -c Release -o "$HELLO/out" --nologo -v q -tl:off >&2
  # For information: the same app with invariant globalization, as the build runs (no ICU to load). The goal is
  # against the template's app above; this shows how much of the ratio that setting accounts for.
  cp -r "$HELLO/out" "$HELLO/invariant"
  awk '{ print } /"configProperties": \{/ { print "      \"System.Globalization.Invariant\": true," }' \
    "$HELLO/out/hello.runtimeconfig.json" >"$HELLO/invariant/hello.runtimeconfig.json"
}

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
# Every side warm: the build compiled by build.sh, the hello app built, dotnet run's own build up to date.
./build.sh --help >/dev/null
build_hello
dotnet run --project build -- --help >/dev/null

load_average() { if [[ -r /proc/loadavg ]]; then cut -d' ' -f1 /proc/loadavg; else echo "?"; fi; }
load_before=$(load_average)
if ensure_hyperfine; then measure_with_hyperfine; else measure_with_loop; fi
load_after=$(load_average)

# Medians in the order of `names` (both writers put one "median" per result, in order).
mapfile -t medians < <(grep -o '"median": *[0-9.eE+-]*' "$OUT" | awk '{ print $2 }')
((${#medians[@]} == ${#names[@]})) || { echo "startup.sh: cannot read the medians from $OUT" >&2; exit 1; }

# The commands run one after another: load from other processes during one of them skews the ratios.
echo "Load average (1 min) before and after: $load_before, $load_after (on $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores)" >&2
awk -v fast="${medians[0]}" -v hello="${medians[1]}" -v invariant="${medians[2]}" -v dll="${medians[3]}" \
  -v apphost="${medians[4]}" -v slow="${medians[5]}" -v goal_median="$GOAL_MEDIAN" -v goal_ratio="$GOAL_RATIO" \
  -v goal_hello="$GOAL_HELLO_RATIO" -v out="$OUT" '
  function verdict(ok) { return ok ? "ok" : "FAILED" }
  BEGIN {
    ratio = slow / fast; over_hello = fast / hello
    printf "\nWarm start, median (%s)\n", out
    printf "  ./build.sh --help                        %7.1f ms\n", fast * 1000
    printf "  dotnet hello.dll (a trivial console app) %7.1f ms\n", hello * 1000
    printf "  dotnet run --project build -- --help     %7.1f ms\n", slow * 1000
    printf "  dotnet .nuke/temp/build/_build.dll       %7.1f ms  (launch by dll)\n", dll * 1000
    printf "  .nuke/temp/build/_build (apphost)        %7.1f ms  (launch by apphost)\n", apphost * 1000
    printf "  dotnet hello.dll, invariant globalization %6.1f ms  (as the build runs; for information)\n", invariant * 1000
    printf "  ratio build.sh / dotnet hello.dll        %7.2f x\n", over_hello
    printf "  ratio build.sh / the invariant hello     %7.2f x  (for information)\n", fast / invariant
    printf "  ratio dotnet run / build.sh              %7.1f x\n", ratio
    printf "  build.sh overhead over a direct launch   %7.1f ms\n\n", (fast - dll) * 1000
    ok1 = fast <= goal_median; ok2 = ratio >= goal_ratio; ok3 = over_hello <= goal_hello
    printf "Goal: build.sh median <= %.0f ms: %s\n", goal_median * 1000, verdict(ok1)
    printf "Goal: at most %gx a trivial console app: %s\n", goal_hello, verdict(ok3)
    printf "Goal: at least %gx faster than dotnet run: %s\n", goal_ratio, verdict(ok2)
    exit !(ok1 && ok2 && ok3)
  }'
