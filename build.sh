#!/usr/bin/env bash
# Bootstrapper: ./build.sh [targets] [--parameters]  (the same as build.cmd / build.ps1)
#
# The build is the C# console project build/_build.csproj. Unlike NUKE's build.sh, which runs
# `dotnet build` + `dotnet run` on every call, this compiles only when the build's inputs changed:
#   .nuke/temp/build/       the compiled build
#   .nuke/temp/build.hash   stamp: sha256 of the inputs | the dotnet used | that dotnet's root
#                           (written only after a successful compile; delete it to force one)
# With an unchanged stamp it execs the compiled build at once: no SDK check, no `dotnet build`.
#
# SDK: the `dotnet` on PATH when one of its SDKs satisfies global.json (version + rollForward),
# else an SDK installed into .nuke/temp/dotnet-sdk with the official dotnet-install.sh.
# DOTNET_INSTALL_URL overrides where dotnet-install.sh comes from (a mirror, or a test double).
set -euo pipefail

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

script=${BASH_SOURCE[0]}
[[ $script == */* ]] || script=./$script
ROOT=$(cd -- "${script%/*}" >/dev/null && pwd -P) # >/dev/null: cd prints the directory when CDPATH is set
TEMP_DIR=$ROOT/.nuke/temp
OUT_DIR=$TEMP_DIR/build
STAMP=$TEMP_DIR/build.hash
SDK_DIR=$TEMP_DIR/dotnet-sdk
INSTALL_URL=${DOTNET_INSTALL_URL:-https://dot.net/v1/dotnet-install.sh}
DEFAULT_CHANNEL=10.0 # without a global.json: the SDK line the build targets (net10.0)

# The engine finds the root from --root, then this variable, then by walking up to .nuke/.
export NUKE_ROOT_DIRECTORY=$ROOT

die() { echo "build.sh: $*" >&2; exit 1; }

if command -v sha256sum >/dev/null; then SHA256=(sha256sum); else SHA256=(shasum -a 256); fi # macOS

# Content hash of everything that can change the compiled build, plus the dotnet that compiles it.
# Paths are hashed too (relative to the root), so adding, removing or renaming a file counts.
inputs_hash() {
  (
    cd "$ROOT"
    {
      find build \( -name bin -o -name obj \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' \
        -o -name '*.props' -o -name '*.targets' -o -name '*.json' \) -print0
      for f in global.json Directory.Build.props Directory.Build.targets Directory.Packages.props \
        .editorconfig NuGet.config nuget.config; do
        if [[ -f $f ]]; then printf '%s\0' "$f"; fi
      done
    } | LC_ALL=C sort -z | xargs -0 -r "${SHA256[@]}"
    echo "dotnet $1"
  ) | "${SHA256[@]}" | { read -r hash _ && echo "$hash"; }
}

# Sets stamp_hash, stamp_dotnet, stamp_root from the stamp; builtins only (this is the fast path).
read_stamp() {
  [[ -f $STAMP ]] || return 1
  { read -r stamp_hash && read -r stamp_dotnet && read -r stamp_root; } <"$STAMP"
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

compile() {
  echo "Compiling the build (inputs changed)…" >&2
  local hash rc=0
  hash=$(inputs_hash "$DOTNET") # before compiling: an edit made meanwhile triggers the next compile
  rm -f "$STAMP"                # an interrupted or failed compile must be redone
  # From the root, so the dotnet muxer applies our global.json; output on stderr keeps stdout the build's.
  (cd "$ROOT" && "$DOTNET" build build/_build.csproj -c Release -o "$OUT_DIR" --nologo -v q -tl:off) >&2 || rc=$?
  if ((rc != 0)); then
    echo "build.sh: compiling the build failed (exit $rc); the errors are above." >&2
    exit "$rc"
  fi
  printf '%s\n' "$hash" "$DOTNET" "$DOTNET_ROOT_DIR" >"$STAMP.tmp"
  mv "$STAMP.tmp" "$STAMP"
}

# Fast path: inputs and dotnet unchanged since the last successful compile.
if read_stamp && [[ -x $stamp_dotnet && -f $OUT_DIR/_build.dll ]] &&
  [[ $(inputs_hash "$stamp_dotnet") == "$stamp_hash" ]]; then
  run_build "$stamp_dotnet" "$stamp_root" "$@"
fi

resolve_dotnet
compile
run_build "$DOTNET" "$DOTNET_ROOT_DIR" "$@"
