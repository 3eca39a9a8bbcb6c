# An OCI registry (Debian's docker-registry, the CNCF distribution server) on a free port of 127.0.0.1, storing
# into a temp dir. Sourced by with-services.sh. Exports TEST_REGISTRY for the tests and LOCAL_REGISTRY, the
# build's parameter for `--environment local`, both host:port. Docker pushes plain HTTP to 127.0.0.0/8 as is.
# Uses the one given in TEST_REGISTRY instead, if any.

REGISTRY_READY_DEADLINE_SECONDS="${REGISTRY_READY_DEADLINE_SECONDS:-30}"
registry_dir=""
registry_pid=""

registry_start() {
  if [[ -n "${TEST_REGISTRY:-}" ]]; then
    services_log "registry: TEST_REGISTRY is set, using it (nothing started)"
    export LOCAL_REGISTRY="${LOCAL_REGISTRY:-$TEST_REGISTRY}"
    return 0
  fi
  command -v docker-registry > /dev/null || services_apt_install registry docker-registry

  registry_dir="$(mktemp -d "${TMPDIR:-/tmp}/with-services-registry.XXXXXX")"
  local port
  port="$(services_free_port)"
  cat > "$registry_dir/config.yml" << CONFIG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $registry_dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
CONFIG
  docker-registry serve "$registry_dir/config.yml" > "$registry_dir/registry.log" 2>&1 &
  registry_pid=$!
  services_wait registry "$REGISTRY_READY_DEADLINE_SECONDS" "$registry_dir/registry.log" "$registry_pid" \
    curl --silent --fail --max-time 2 "http://127.0.0.1:$port/v2/"
  export TEST_REGISTRY="127.0.0.1:$port" LOCAL_REGISTRY="127.0.0.1:$port"
  services_log "registry: ready, TEST_REGISTRY=LOCAL_REGISTRY=$TEST_REGISTRY"
}

registry_stop() {
  [[ -n "$registry_pid" ]] || return 0
  services_stop_and_remove registry "$registry_pid" "$registry_dir" 10
  registry_pid=""
  registry_dir=""
}
