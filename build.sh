#!/usr/bin/env bash
# Bootstrapper: ./build.sh [targets] [--parameters]  (the same as build.cmd / build.ps1)
#
# The build is the C# console project build/_build.csproj. Unlike NUKE's build.sh, which runs
# `dotnet build` + `dotnet run` on every call, this compiles only when the build's inputs changed:
#   .nuke/temp/build/       the compiled build: `dotnet publish`, ReadyToRun when its packages restore
#   .nuke/temp/build.hash   stamp: sha256 of the inputs | the dotnet used | that dotnet's root | then the
#                           files of the compiled build, one a line (written only after a successful
#                           compile, its time set to before the inputs were read; delete it to force one)
# Fast path, bash builtins only: when every input file and folder is older than the stamp and every file
# it lists is there, it execs the compiled build at once (no SDK check, no hashing, no `dotnet build`).
# Otherwise the content hash decides: unchanged (a checkout, a `touch`, a new bin/ or obj/) renews the
# stamp's time and runs the build; changed compiles. A signal during the compile stops the compile's
# whole process tree and exits 128+N; the next run compiles again.
#
# SDK: the `dotnet` on PATH when one of its SDKs satisfies global.json (version + rollForward),
# else an SDK installed into .nuke/temp/dotnet-sdk with the official dotnet-install.sh.
# DOTNET_INSTALL_URL overrides where dotnet-install.sh comes from (a mirror, or a test double).
# Bash 3.2 (macOS) compatible.
set -euo pipefail

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The repository is where the real script is, also when this is a symlink (ln -s /repo/build.sh
# ~/bin/app-build): follow the links one at a time with plain readlink, as `readlink -f` is GNU-only.
script=${BASH_SOURCE[0]}
[[ $script == */* ]] || script=./$script
while [[ -L $script ]]; do
  link=$(readlink -- "$script")
  [[ $link == /* ]] || link=${script%/*}/$link # a relative link is relative to the link's folder
  script=$link
done
# cd and back rather than $(cd … && pwd -P): no subshell on the fast path. >/dev/null: cd prints the
# directory when CDPATH is set.
here=$PWD
cd -P -- "${script%/*}" >/dev/null
ROOT=$PWD
cd -- "$here"
TEMP_DIR=$ROOT/.nuke/temp
OUT_DIR=$TEMP_DIR/build
STAMP=$TEMP_DIR/build.hash
COMPILE_LOG=$TEMP_DIR/build.log
SDK_DIR=$TEMP_DIR/dotnet-sdk
INSTALL_URL=${DOTNET_INSTALL_URL:-https://dot.net/v1/dotnet-install.sh}
DEFAULT_CHANNEL=10.0 # without a global.json: the SDK line the build targets (net10.0)
# Root files that can change the compiled build (besides the *.cs, *.csproj, *.props, *.targets and
# *.json under build/).
ROOT_INPUTS=(global.json Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig
  NuGet.config nuget.config)

# The engine finds the root from --root, then this variable, then by walking up to .nuke/.
export NUKE_ROOT_DIRECTORY=$ROOT

die() { echo "build.sh: $*" >&2; exit 1; }

if command -v sha256sum >/dev/null; then SHA256=(sha256sum); else SHA256=(shasum -a 256); fi # macOS

# Sets input_files, the files that can change the compiled build, and input_dirs, the folders that hold
# them (a folder's time changes when an entry is added, removed or renamed), relative to the root.
# Builtins only: the fast path uses it. bin/ and obj/ are outputs.
list_inputs() {
  local f
  input_files=() input_dirs=(.)
  shopt -s nullglob dotglob # an empty folder yields nothing; dot files count, as they do for the compiler
  for f in "${ROOT_INPUTS[@]}"; do
    if [[ -f $ROOT/$f ]]; then input_files+=("$f"); fi
  done
  list_inputs_under build
}

list_inputs_under() { # folder
  local entry
  input_dirs+=("$1")
  for entry in "$ROOT/$1"/*; do
    entry=${entry#"$ROOT"/}
    if [[ -d $ROOT/$entry ]]; then
      case ${entry##*/} in bin | obj) ;; *) list_inputs_under "$entry" ;; esac
    else
      case $entry in *.cs | *.csproj | *.props | *.targets | *.json) input_files+=("$entry") ;; esac
    fi
  done
}

# Whether an input file or folder is not older than the stamp (so it may have changed since): the same files and
# folders as list_inputs, in one walk that stops at the first such one and builds no list (the fast path's cost).
inputs_touched() {
  local f
  for f in "${ROOT_INPUTS[@]}"; do
    if [[ -f $ROOT/$f && ! $STAMP -nt $ROOT/$f ]]; then return 0; fi
  done
  [[ $STAMP -nt $ROOT ]] || return 0
  shopt -s nullglob dotglob
  touched_under "$ROOT/build"
}

touched_under() { # folder
  local entry
  [[ $STAMP -nt $1 ]] || return 0
  for entry in "$1"/*; do
    if [[ -d $entry ]]; then
      case ${entry##*/} in bin | obj) ;; *) if touched_under "$entry"; then return 0; fi ;; esac
    else
      case $entry in *.cs | *.csproj | *.props | *.targets | *.json) [[ $STAMP -nt $entry ]] || return 0 ;; esac
    fi
  done
  return 1
}

# Content hash of the inputs, plus the dotnet that compiles them. Paths are hashed too (relative to the
# root), so adding, removing or renaming a file counts. build.ps1 hashes the same text.
inputs_hash() { # dotnet
  list_inputs
  (
    cd "$ROOT"
    printf '%s\0' "${input_files[@]}" | LC_ALL=C sort -z | xargs -0 "${SHA256[@]}"
    echo "dotnet $1"
  ) | "${SHA256[@]}" | { read -r hash _ && echo "$hash"; }
}

# Sets stamp_hash, stamp_dotnet, stamp_root and stamp_outputs from the stamp; builtins only.
read_stamp() {
  local line
  stamp_outputs=()
  [[ -f $STAMP ]] || return 1
  {
    read -r stamp_hash && read -r stamp_dotnet && read -r stamp_root &&
      while read -r line; do stamp_outputs+=("$line"); done
  } <"$STAMP"
}

# Whether every file of the compiled build that the stamp lists is still there (none listed: an old stamp).
outputs_present() {
  local f
  ((${#stamp_outputs[@]} > 0)) || return 1
  for f in "${stamp_outputs[@]}"; do
    [[ -f $OUT_DIR/$f ]] || return 1
  done
}

# Runs the compiled build in place of this script, so signals and the exit code are the build's own.
run_build() { # dotnet, dotnet root, arguments…
  local dotnet=$1 root=$2
  shift 2
  if [[ $dotnet == "$SDK_DIR"/* ]]; then
    # Our own SDK: the build and the tools it starts (dotnet, apphosts) must find it too.
    export DOTNET_ROOT=$root PATH=$SDK_DIR:$PATH
  fi
  exec "$dotnet" "$OUT_DIR/_build.dll" "$@"
}

# Fast path: the compiled build is complete, and no input is newer than the stamp. Here, before the rest of
# the script, which bash then never parses.
if read_stamp && [[ -x $stamp_dotnet ]] && outputs_present; then
  if ! inputs_touched; then run_build "$stamp_dotnet" "$stamp_root" "$@"; fi
  # Something is newer than the stamp, but only a change of content counts (a checkout or `touch` is none).
  touch "$STAMP" 2>/dev/null || true # first: an input edited from now on is newer than the stamp
  if [[ $(inputs_hash "$stamp_dotnet") == "$stamp_hash" ]]; then run_build "$stamp_dotnet" "$stamp_root" "$@"; fi
fi

# --- SDK resolution (only when compiling) ------------------------------------------------------

# Sets sdk_version (empty without a global.json), sdk_policy and its lowercase policy_key.
read_global_json() {
  sdk_version='' sdk_policy=latestPatch policy_key=latestpatch
  [[ -f $ROOT/global.json ]] || return 0
  local json
  json=$(tr -d '\r\n' <"$ROOT/global.json")
  sdk_version=$(grep -o '"version"[[:space:]]*:[[:space:]]*"[^"]*"' <<<"$json" | head -n1 | cut -d'"' -f4 || true)
  sdk_policy=$(grep -o '"rollForward"[[:space:]]*:[[:space:]]*"[^"]*"' <<<"$json" | head -n1 | cut -d'"' -f4 || true)
  sdk_policy=${sdk_policy:-latestPatch}
  policy_key=$(tr '[:upper:]' '[:lower:]' <<<"$sdk_policy") # the host reads it case-insensitively
  if [[ -n $sdk_version && ! $sdk_version =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]]; then
    die "global.json: sdk.version '$sdk_version' is not a version like 10.0.100"
  fi
  case $policy_key in
    disable | patch | latestpatch | feature | latestfeature | minor | latestminor | major | latestmajor) ;;
    *) die "global.json: unknown rollForward '$sdk_policy'" ;;
  esac
}

# Whether SDK version $1 satisfies global.json, following the documented rollForward policies:
# https://learn.microsoft.com/dotnet/core/tools/global-json#rollforward (default: latestPatch).
# The third number is the feature band and patch (401 = band 4, patch 1).
sdk_satisfies() {
  [[ -z $sdk_version ]] && return 0
  local hM hm hp wM wm wp
  IFS=. read -r hM hm hp <<<"${1%%-*}"
  IFS=. read -r wM wm wp <<<"${sdk_version%%-*}"
  hp=$((10#$hp)) wp=$((10#$wp))
  case $policy_key in
    disable) [[ $1 == "$sdk_version" ]] ;;
    patch | latestpatch) ((hM == wM && hm == wm && hp / 100 == wp / 100 && hp >= wp)) ;;
    feature | latestfeature) ((hM == wM && hm == wm && hp >= wp)) ;;
    minor | latestminor) ((hM == wM && (hm > wm || (hm == wm && hp >= wp)))) ;;
    *) ((hM > wM || (hM == wM && (hm > wm || (hm == wm && hp >= wp))))) ;; # major, latestMajor
  esac
}

# Prints the root of the first SDK of dotnet $1 that satisfies global.json; fails if none does.
# The root comes from --list-sdks ("10.0.401 [/usr/share/dotnet/sdk]"), so shims on PATH work too.
satisfying_sdk_root() {
  local version path
  while read -r version path; do
    if sdk_satisfies "$version"; then
      path=${path#[}
      path=${path%]}
      echo "${path%/sdk}"
      return 0
    fi
  done < <("$1" --list-sdks 2>/dev/null || true)
  return 1
}

download() { # url, file
  if command -v curl >/dev/null; then
    curl -fsSL --retry 2 --connect-timeout 20 -o "$2" "$1"
  elif command -v wget >/dev/null; then
    wget -q -O "$2" "$1"
  else
    echo "neither curl nor wget is installed" >&2
    return 1
  fi
}

install_sdk() {
  local script=$TEMP_DIR/dotnet-install.sh wanted args=(--install-dir "$SDK_DIR" --no-path)
  if [[ -n $sdk_version ]]; then
    args+=(--version "$sdk_version")
    wanted="SDK $sdk_version (rollForward $sdk_policy, from global.json)"
  else
    args+=(--channel "$DEFAULT_CHANNEL")
    wanted="SDK channel $DEFAULT_CHANNEL"
  fi
  echo "No dotnet on PATH has the $wanted; installing it into .nuke/temp/dotnet-sdk…" >&2
  mkdir -p "$TEMP_DIR"
  download "$INSTALL_URL" "$script.part" ||
    die "could not download $INSTALL_URL (offline?). Install the .NET $wanted and put dotnet on PATH, or retry with network access."
  mv "$script.part" "$script"
  bash "$script" "${args[@]}" >&2 || die "dotnet-install.sh ${args[*]} failed (see above)."
}

# Sets DOTNET and DOTNET_ROOT_DIR: the dotnet on PATH, else a previous install, else a new install.
resolve_dotnet() {
  read_global_json
  local candidate
  for candidate in "$(command -v dotnet || true)" "$SDK_DIR/dotnet"; do
    if [[ -n $candidate && -x $candidate ]] && DOTNET_ROOT_DIR=$(satisfying_sdk_root "$candidate"); then
      DOTNET=$candidate
      return 0
    fi
  done
  install_sdk
  DOTNET=$SDK_DIR/dotnet
  DOTNET_ROOT_DIR=$(satisfying_sdk_root "$DOTNET") ||
    die "the SDK installed into $SDK_DIR does not satisfy global.json (sdk ${sdk_version:-any})."
}

# --- compiling --------------------------------------------------------------------------------

# Publishes the build into .nuke/temp/build (extra arguments added) and returns dotnet's exit code, the
# output in the log. From the root, so the dotnet muxer applies our global.json. In the background and
# in a process group of its own (set -m): bash runs a trap only once a foreground command ends, so a
# SIGTERM used to stop bash alone and leave the compile running; with `wait`, stop_compile runs at once
# and signals the whole group. -nodeReuse:false: no MSBuild node is left to outlive the compile.
# </dev/null: a background process group that reads the terminal would be stopped.
publish() { # arguments…
  set -m
  (cd "$ROOT" && exec "$DOTNET" publish build/_build.csproj -c Release -o "$OUT_DIR" --nologo -v q -tl:off \
    -nodeReuse:false "$@") </dev/null >"$COMPILE_LOG" 2>&1 &
  compile_pid=$!
  set +m
  wait "$compile_pid"
}

# The trap of SIGINT, SIGTERM and SIGHUP during a compile: the signal goes to the compile's process group
# (dotnet, MSBuild nodes, compilers); whatever is left after 5 s is killed. Nothing is deleted: the stamp
# is already gone, so the next run compiles again.
stop_compile() { # signal, its number
  local tries=0
  trap '' INT TERM HUP # a second Ctrl-C must not cut this short
  if [[ -n ${compile_pid:-} ]]; then
    kill -s "$1" -- "-$compile_pid" 2>/dev/null || true
    while kill -0 -- "-$compile_pid" 2>/dev/null && ((tries++ < 50)); do sleep 0.1; done
    kill -s KILL -- "-$compile_pid" 2>/dev/null || true
  fi
  echo "build.sh: compiling the build was stopped (SIG$1); the next run compiles it again." >&2
  exit $((128 + $2))
}

compile() {
  echo "Compiling the build (inputs changed)…" >&2
  local hash rc=0 note='' started=$STAMP.started
  rm -f "$STAMP" # an interrupted or failed compile must be redone
  mkdir -p "$TEMP_DIR"
  : >"$started"                 # the stamp gets this time: an input edited from now on is newer than it
  hash=$(inputs_hash "$DOTNET") # before compiling: an edit made meanwhile triggers the next compile
  trap 'stop_compile INT 2' INT
  trap 'stop_compile TERM 15' TERM
  trap 'stop_compile HUP 1' HUP
  # ReadyToRun (native code for this platform, made at compile time) starts the build faster than JIT
  # compiling it on every run. It needs the crossgen2 and runtime packs from NuGet: when they cannot be
  # restored (error NU1xxx, or NETSDK1094/1095: no pack for this platform), compile without it.
  publish --use-current-runtime --self-contained false -p:PublishReadyToRun=true || rc=$?
  if ((rc != 0)) && grep -Eq 'error (NU1|NETSDK109[45])' "$COMPILE_LOG"; then
    rc=0
    publish || rc=$?
    note="build.sh: compiled without ReadyToRun (its packages could not be restored); the build starts slower."
  fi
  trap - INT TERM HUP
  cat "$COMPILE_LOG" >&2 # output on stderr keeps stdout the build's
  if ((rc != 0)); then
    echo "build.sh: compiling the build failed (exit $rc); the errors are above." >&2
    exit "$rc"
  fi
  if [[ -n $note ]]; then echo "$note" >&2; fi
  {
    printf '%s\n' "$hash" "$DOTNET" "$DOTNET_ROOT_DIR"
    (cd "$OUT_DIR" && find . -type f) | sed 's|^\./||' | LC_ALL=C sort
  } >"$STAMP.tmp"
  touch -r "$started" "$STAMP.tmp"
  mv "$STAMP.tmp" "$STAMP"
  rm -f "$started"
}

resolve_dotnet
compile
run_build "$DOTNET" "$DOTNET_ROOT_DIR" "$@"
