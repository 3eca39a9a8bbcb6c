# An OCI registry (Debian's docker-registry, the CNCF distribution server) on 127.0.0.1. Docker pushes plain HTTP
# to 127.0.0.0/8 as is.
#
# with-services.sh: registry_start/registry_stop, on a free port, storing into a temp dir. Exports TEST_REGISTRY for
#   the tests and LOCAL_REGISTRY, the build's parameter for `--environment local`, both host:port. Uses the one given
#   in TEST_REGISTRY instead, if any.
# local-environment.sh: registry_up/registry_down/registry_status, on $LOCAL_REGISTRY_PORT, storing under
#   $LOCAL_ENV_DIR/registry, outliving the script.

REGISTRY_READY_DEADLINE_SECONDS="${REGISTRY_READY_DEADLINE_SECONDS:-30}"
registry_dir=""
registry_pid=""

registry_start() {
  if [[ -n "${TEST_REGISTRY:-}" ]]; then
    services_log "registry: TEST_REGISTRY is set, using it (nothing started)"
    export LOCAL_REGISTRY="${LOCAL_REGISTRY:-$TEST_REGISTRY}"
    return 0
  fi
  registry_install
  registry_dir="$(mktemp -d "${TMPDIR:-/tmp}/with-services-registry.XXXXXX")"
  local port
  port="$(services_free_port)"
  registry_run "$registry_dir" "$registry_dir/data" "$port"
  export TEST_REGISTRY="127.0.0.1:$port" LOCAL_REGISTRY="127.0.0.1:$port"
  services_log "registry: ready, TEST_REGISTRY=LOCAL_REGISTRY=$TEST_REGISTRY"
}

registry_stop() {
  [[ -n "$registry_pid" ]] || return 0
  services_stop_and_remove registry "$registry_pid" "$registry_dir" 10
  registry_pid=""
  registry_dir=""
}

registry_install() {
  command -v docker-registry > /dev/null || services_apt_install registry docker-registry
}

registry_answers() {
  curl --silent --fail --max-time 2 --output /dev/null "http://$1/v2/"
}

# registry_run <folder> <storage folder> <port>: writes <folder>/config.yml, starts the registry (detached with
# SERVICES_DETACHED=1) logging into <folder>/registry.log, and waits until it answers. Sets registry_pid.
registry_run() {
  local dir="$1" storage="$2" port="$3"
  cat > "$dir/config.yml" << CONFIG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
CONFIG
  services_spawn "$dir/registry.log" docker-registry serve "$dir/config.yml"
  registry_pid=$services_spawned_pid
  services_wait registry "$REGISTRY_READY_DEADLINE_SECONDS" "$dir/registry.log" "$registry_pid" registry_answers "127.0.0.1:$port"
}

# --- the local environment -------------------------------------------------------------------------------------

registry_local_pid() {
  services_pid_from "$LOCAL_ENV_DIR/registry/registry.pid" docker-registry
}

registry_up() {
  local address="127.0.0.1:$LOCAL_REGISTRY_PORT" dir="$LOCAL_ENV_DIR/registry" state=started
  if registry_answers "$address"; then
    local_env_report registry found "$address" "$(registry_local_pid > /dev/null && echo "started by local-environment; data in $dir/data" || echo "not started by local-environment")"
    return 0
  fi
  if services_port_taken "$LOCAL_REGISTRY_PORT"; then
    local_env_fail "registry: $address is taken by something that is not an OCI registry: stop it, or set APP_LOCAL_REGISTRY_PORT (and pass --local-registry to the build)"
  fi
  if ! command -v docker-registry > /dev/null; then
    registry_install
    state="installed and started"
  fi
  mkdir -p "$dir/data"
  registry_run "$dir" "$dir/data" "$LOCAL_REGISTRY_PORT"
  echo "$registry_pid" > "$dir/registry.pid"
  local_env_report registry "$state" "$address" "data in $dir/data"
}

registry_down() {
  local purge="$1" address="127.0.0.1:$LOCAL_REGISTRY_PORT" dir="$LOCAL_ENV_DIR/registry" pid
  if pid="$(registry_local_pid)"; then
    services_stop_process registry "$pid" 10
    local_env_report registry stopped "$address" "$(local_env_data_note "$purge" "$dir/data")"
  elif registry_answers "$address"; then
    local_env_report registry "left running" "$address" "not started by local-environment"
  else
    local_env_report registry "not running" "$address" "$(local_env_data_note "$purge" "$dir/data")"
  fi
  rm -f "$dir/registry.pid"
  [[ -z "$purge" ]] || rm -rf "$dir"
}

registry_status() {
  local address="127.0.0.1:$LOCAL_REGISTRY_PORT"
  if registry_answers "$address"; then
    local_env_report registry answers "$address" "$(registry_local_pid > /dev/null && echo "started by local-environment" || echo "not started by local-environment")"
  else
    local_env_report registry "not answering" "$address"
    return 1
  fi
}
