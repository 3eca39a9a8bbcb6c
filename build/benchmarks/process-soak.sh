#!/usr/bin/env bash
# Process soak: starts the compiled build RUNS times (default 2000; the first argument or RUNS) with both cores
# busy, and counts exit codes per command. It looks for the rare abort (exit 134, SIGABRT) a full test run once
# saw and 300 quick runs on an idle machine never showed: the machine is loaded on purpose.
#   --help              parameters bound, help printed
#   --plan              a plan printed and artifacts/plan.md written
#   unknown target      a usage error (exit 2) before anything runs
#   Release --dry-run   a real run of a target that runs git several times (through ToolRunner), in a scratch
#                       repository made here (a tag, a feature after it, a bare repository as origin)
# The load: a CPU burner per core (BURNERS, default the number of cores) and WORKERS (default 2) runs at a time,
# started and stopped by this script (also on Ctrl-C). The output is read through pipes, as the tests read it.
# An abort (a death by a signal, 128+N, or an exit code above 128) keeps the run's standard error (where the
# runtime writes "Unhandled exception." and the stack) and a dump (DOTNET_DbgEnableMiniDump) under
# artifacts/benchmarks/process-soak/. An exit code other than the command's expected one is kept the same way.
# Ends with "process-soak: N runs, N aborts"; exits 1 when a run aborted or exited unexpectedly.
# Environment: RUNS (2000), WORKERS (2), BURNERS (cores), RUN_TIMEOUT (60 s a run), KEEP=1 keeps the scratch
# repository (its path is printed).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
RUNS=${1:-${RUNS:-2000}} WORKERS=${WORKERS:-2} RUN_TIMEOUT=${RUN_TIMEOUT:-60}
BURNERS=${BURNERS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
OUT=$ROOT/artifacts/benchmarks/process-soak
BUILD_DLL=$ROOT/.nuke/temp/build/_build.dll
KEPT_LIMIT=20 # standard errors kept: the first are enough to read the cause
DUMP_LIMIT=3  # dumps kept (with the heap, tens of MB each)

names=(help plan unknown-target release-dry-run)
expected=(0 0 2 0)

[[ $RUNS =~ ^[0-9]+$ ]] && ((RUNS > 0)) || { echo "process-soak: RUNS must be a positive number, got '$RUNS'" >&2; exit 2; }

SCRATCH=$(mktemp -d -t process-soak-XXXXXX)
burners=()
stop_load() {
  local pid
  for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${burners[@]}"; do wait "$pid" 2>/dev/null || true; done
  burners=()
}
cleanup() {
  stop_load
  if [[ ${KEEP:-} == 1 ]]; then echo "process-soak: scratch repository kept in $SCRATCH" >&2; else rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT
# A signal ends the workers too (they are in this script's process group) and then the script, through EXIT.
trap 'exit 130' INT
trap 'exit 143' TERM

# The repository Release --dry-run inspects: isolated from the machine's git configuration, as the tests are.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
make_repository() {
  local repo=$SCRATCH/repo remote=$SCRATCH/remote.git
  git init --quiet --bare --initial-branch=main "$remote"
  git init --quiet --initial-branch=main "$repo"
  git -C "$repo" config user.name "Soak"
  git -C "$repo" config user.email "soak@example.com"
  git -C "$repo" remote add origin "file://$remote"
  mkdir -p "$repo/.nuke"
  echo '{}' >"$repo/.nuke/parameters.json"
  printf 'artifacts/\n.nuke/temp/\n.nuke/build.schema.json\n' >"$repo/.gitignore"
  git -C "$repo" add --all && git -C "$repo" commit --quiet -m "chore: start"
  git -C "$repo" tag --annotate -m v1.0.0 v1.0.0
  echo "change" >"$repo/changes.txt"
  git -C "$repo" add --all && git -C "$repo" commit --quiet -m "feat: search notes"
  git -C "$repo" push --quiet --tags origin main
}

# The arguments of command $1 (an index into names).
arguments_of() {
  case $1 in
    0) args=(--help) ;;
    1) args=(--plan Release) ;;
    2) args=(NoSuchTarget) ;;
    3) args=(Release --dry-run --github-repository soak/repo --github-token "" --github-api-url http://127.0.0.1:1/) ;;
  esac
}

# One run: the build with its output read through pipes; prints "<command index> <exit code>".
run_once() { # run number
  local run=$1 command=$(($1 % ${#names[@]})) code=0 errors=$SCRATCH/errors.$1 args
  arguments_of "$command"
  # Inside the repository, as a user runs it; the dump, if the runtime aborts, named after the run.
  (cd "$SCRATCH/repo" &&
    NUKE_ROOT_DIRECTORY= DOTNET_DbgEnableMiniDump=1 DOTNET_DbgMiniDumpType=2 \
      DOTNET_DbgMiniDumpName="$SCRATCH/dump.$run.%p" \
      timeout --kill-after=5 "$RUN_TIMEOUT" dotnet "$BUILD_DLL" "${args[@]}" 2> >(cat >"$errors") | cat >/dev/null
    exit "${PIPESTATUS[0]}") || code=$?
  if ((code > 128 || code != expected[command])); then
    keep "$run" "$command" "$code"
  fi
  rm -f "$errors" "$SCRATCH"/dump."$run".*
  echo "$command $code"
}

keep() { # run, command index, exit code
  local kept
  kept=$(find "$OUT" -name '*.stderr' 2>/dev/null | wc -l)
  ((kept < KEPT_LIMIT)) || return 0
  local base="$OUT/run-$1-${names[$2]}-exit-$3"
  sleep 0.2 # the process substitution that writes the error file may still be flushing
  cp "$SCRATCH/errors.$1" "$base.stderr" 2>/dev/null || : >"$base.stderr"
  local dump dumps
  dumps=$(find "$OUT" -name '*.dump' | wc -l)
  for dump in "$SCRATCH"/dump."$1".*; do
    if [[ -e $dump ]] && ((dumps < DUMP_LIMIT)); then mv "$dump" "$base.dump"; fi
  done
  echo "process-soak: run $1 (${names[$2]}) exited $3; kept $base.stderr" >&2
}

worker() { # worker number: takes runs worker, worker + WORKERS, …
  local run
  for ((run = $1; run < RUNS; run += WORKERS)); do run_once "$run"; done
}

echo "process-soak: compiling the build (./build.sh --help)…" >&2
./build.sh --help >/dev/null
[[ -f $BUILD_DLL ]] || { echo "process-soak: $BUILD_DLL is missing after ./build.sh" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT"
make_repository

for ((i = 0; i < BURNERS; i++)); do
  (trap 'exit 0' TERM; while :; do :; done) &
  burners+=($!)
done
echo "process-soak: $RUNS runs, $WORKERS at a time, $BURNERS CPU burner(s); load average $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')" >&2

started=$EPOCHSECONDS
pids=()
for ((w = 0; w < WORKERS; w++)); do
  worker "$w" >"$SCRATCH/results.$w" &
  pids+=($!)
done
# Progress every 30 s, so a long soak shows it is alive.
while :; do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  ((alive)) || break
  sleep 5
  if (((EPOCHSECONDS - started) % 30 < 5)); then
    done_runs=$(cat "$SCRATCH"/results.* | wc -l)
    echo "process-soak: $done_runs/$RUNS runs after $((EPOCHSECONDS - started)) s" >&2
  fi
done
for pid in "${pids[@]}"; do wait "$pid"; done
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
stop_load

# The table: one row per command, one column per exit code seen.
cat "$SCRATCH"/results.* >"$OUT/results.txt"
awk -v names="${names[*]}" -v expected="${expected[*]}" -v seconds=$((EPOCHSECONDS - started)) -v load="$load" '
  BEGIN { n = split(names, name, " "); split(expected, want, " ") }
  { runs[$1]++; count[$1, $2]++; codes[$2] = 1; total++
    if ($2 > 128) aborts++
    else if ($2 != want[$1 + 1]) unexpected++ }
  END {
    m = 0; for (c in codes) list[++m] = c + 0
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (list[j] < list[i]) { t = list[i]; list[i] = list[j]; list[j] = t }
    printf "\n%-18s %8s %9s", "command", "runs", "expected"; for (i = 1; i <= m; i++) printf " %7s", "exit " list[i]; print ""
    for (k = 0; k < n; k++) {
      printf "%-18s %8d %9d", name[k + 1], runs[k], want[k + 1]
      for (i = 1; i <= m; i++) printf " %7d", count[k, list[i]]
      print ""
    }
    printf "\n%d s, load average at the end %s\n", seconds, load
    printf "process-soak: %d runs, %d aborts", total, aborts
    if (unexpected) printf ", %d unexpected exit codes", unexpected
    print ""
    exit (aborts || unexpected) ? 1 : 0
  }' "$OUT/results.txt" | tee "$OUT/summary.txt"
exit "${PIPESTATUS[0]}"
