#!/usr/bin/env bash
# The version calculation on a large history: a repository of 5,000 commits and 1,000 release tags (made here,
# with git fast-import, in a few seconds), measured side by side with `git describe` on the same repository:
#   git describe        git describe --tags --abbrev=0 --match 'v*' (finds the last tag; no version, no notes)
#   NextVersion         ./build.sh NextVersion: the calculation Release uses, build start included
#   build start         ./build.sh --help: what every ./build.sh call costs, to read the calculation off
#   Release --dry-run   the whole inspection: status, fetch from a local bare remote, version, notes
# Goal: the calculation (NextVersion's median less the build start's) under 1 s; exits 1 when it is missed.
# Results: artifacts/benchmarks/version.json (hyperfine's format).
# Environment: COMMITS (5000), TAGS (1000), RUNS (10), KEEP=1 keeps the repository (its path is printed).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
COMMITS=${COMMITS:-5000} TAGS=${TAGS:-1000} RUNS=${RUNS:-10} GOAL=1.0
OUT=artifacts/benchmarks/version.json
REPO=$(mktemp -d -t version-bench-XXXXXX) REMOTE=$(mktemp -d -t version-bench-remote-XXXXXX)
[[ ${KEEP:-} == 1 ]] || trap 'rm -rf "$REPO" "$REMOTE"' EXIT

command -v hyperfine >/dev/null || {
  echo "hyperfine is needed: apt-get install -y hyperfine" >&2
  exit 2
}

# One commit per change, a release tag every COMMITS/TAGS commits (v0.0.1 … v10.0.0 for 1,000), and a few
# commits after the last tag (a feature among them) so there is a next version to calculate.
make_history() {
  local every=$((COMMITS / TAGS)) i tag=0 when=1700000000 type
  for ((i = 1; i <= COMMITS; i++)); do
    case $((i % 7)) in 0) type="feat: feature $i" ;; 3) type="docs: page $i" ;; *) type="fix: fix $i" ;; esac
    printf 'commit refs/heads/main\nmark :%d\ncommitter Bench <bench@example.com> %d +0000\ndata %d\n%s\n' \
      "$i" $((when + i)) $((${#type} + 1)) "$type"
    ((i > 1)) && printf 'from :%d\n' $((i - 1))
    printf 'M 644 inline changes.txt\ndata %d\nchange %07d\n\n' 15 "$i"
    if ((tag < TAGS && i % every == 1 && i + every <= COMMITS + 1)); then
      tag=$((tag + 1))
      local name="v$((tag / 100)).$((tag / 10 % 10)).$((tag % 10))"
      printf 'tag %s\nfrom :%d\ntagger Bench <bench@example.com> %d +0000\ndata %d\n%s\n\n' \
        "$name" "$i" $((when + i)) $((${#name} + 1)) "$name"
    fi
  done
}

echo "Making $REPO: $COMMITS commits, $TAGS tags…" >&2
git init --quiet --initial-branch=main "$REPO"
make_history | git -C "$REPO" fast-import --quiet
git -C "$REPO" checkout --quiet main
mkdir -p "$REPO/.nuke"
echo '{}' >"$REPO/.nuke/parameters.json"
printf 'artifacts/\n.nuke/temp/\n.nuke/build.schema.json\n' >"$REPO/.gitignore"
git -C "$REPO" add .nuke .gitignore
git -C "$REPO" -c user.name=Bench -c user.email=bench@example.com commit --quiet -m "chore: build root"
git init --quiet --bare "$REMOTE"
git -C "$REPO" remote add origin "$REMOTE"
git -C "$REPO" push --quiet --tags origin main
echo "  $(git -C "$REPO" rev-list --count HEAD) commits, $(git -C "$REPO" tag | wc -l) tags; last: $(git -C "$REPO" describe --tags --abbrev=0)" >&2

./build.sh --help >/dev/null # compiled and warm
mkdir -p "$(dirname "$OUT")"
hyperfine --warmup 2 --runs "$RUNS" --shell=none --style basic --export-json "$OUT" \
  -n "git describe" "git -C $REPO describe --tags --abbrev=0 --match v*" \
  -n "NextVersion" "./build.sh NextVersion --root $REPO" \
  -n "build start" "./build.sh --help --root $REPO" \
  -n "Release --dry-run" "./build.sh Release --dry-run --root $REPO" >&2

echo "NextVersion prints: $(./build.sh NextVersion --root "$REPO" | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+ \(')" >&2
mapfile -t medians < <(grep -o '"median": *[0-9.eE+-]*' "$OUT" | awk '{ print $2 }')
((${#medians[@]} == 4)) || { echo "version.sh: cannot read the medians from $OUT" >&2; exit 1; }
awk -v describe="${medians[0]}" -v next_="${medians[1]}" -v start="${medians[2]}" -v dry="${medians[3]}" \
  -v goal="$GOAL" -v out="$OUT" -v commits="$COMMITS" -v tags="$TAGS" '
  BEGIN {
    printf "\nVersion calculation, %d commits, %d tags, median (%s)\n", commits, tags, out
    printf "  git describe --tags --abbrev=0          %7.1f ms\n", describe * 1000
    printf "  ./build.sh NextVersion                  %7.1f ms\n", next_ * 1000
    printf "  ./build.sh --help (build start)         %7.1f ms\n", start * 1000
    printf "  NextVersion less build start            %7.1f ms  (the calculation)\n", (next_ - start) * 1000
    printf "  ./build.sh Release --dry-run            %7.1f ms  (status, fetch, version, notes)\n\n", dry * 1000
    ok = next_ - start < goal
    printf "Goal: the calculation under %.0f ms: %s\n", goal * 1000, ok ? "ok" : "FAILED"
    exit !ok
  }'
