# The Docker engine: vfs storage, no bridge, no iptables (it runs inside containers and CI machines where overlayfs
# and iptables are not available; containers run with --network host), and the offline base image
# runtime-deps-image.sh makes, since a machine without a running engine here has no registry to pull from either.
# An engine that already answers (DOCKER_HOST, or the default socket as on GitHub's runners) is used as it is, and
# DOCKER_HOST and BASE_IMAGE are exported for it all the same, unless SERVICES_FROM_NOTHING=1 (.ci/run): then an
# engine of its own is started whatever answers, so nothing an earlier run left in another engine (the base image,
# layers) can make the run pass.
#
# with-services.sh: docker_start/docker_stop, one engine for the run on a private socket in a temp dir. Exports
#   DOCKER_HOST, DOCKER_EXE (see docker_choose_client) and, unless set, BASE_IMAGE.
# local-environment.sh: docker_up/docker_down/docker_status, an engine that outlives the script, on DOCKER_HOST or
#   the default socket, its data under $LOCAL_ENV_DIR/docker; docker_base_image_up makes the offline base image.

DOCKER_READY_DEADLINE_SECONDS="${DOCKER_READY_DEADLINE_SECONDS:-60}"
DOCKER_DEFAULT_HOST="unix:///var/run/docker.sock"
docker_dir=""
docker_pid=""

docker_start() {
  if [[ "${SERVICES_FROM_NOTHING:-}" != 1 ]] && docker_answers; then
    # Exported even when found on the default socket: tests need DOCKER_HOST to run (unset, they are skipped), and
    # the build and its tests must reach the same engine, with the base image it has.
    export DOCKER_HOST="${DOCKER_HOST:-$DOCKER_DEFAULT_HOST}"
    services_log "docker: the engine at $DOCKER_HOST answers, using it (nothing started)"
    docker_choose_client
    docker_ensure_base_image
    return 0
  fi
  docker_install
  # A short path: a unix socket path is limited to 108 bytes.
  docker_dir="$(mktemp -d /tmp/docker.XXXXXX)"
  export DOCKER_HOST="unix://$docker_dir/docker.sock"
  docker_run_engine "$docker_dir/data" "$docker_dir/exec" "$docker_dir/dockerd.pid" "$docker_dir/docker.sock" "$docker_dir/dockerd.log"
  services_log "docker: ready, DOCKER_HOST=$DOCKER_HOST (engine $(docker_engine_version))"
  docker_choose_client
  docker_ensure_base_image
}

docker_stop() {
  [[ -n "$docker_pid" ]] || return 0
  # dockerd stops its containers and the containerd it started before it exits.
  services_stop_process docker "$docker_pid" 30
  docker_unmount_under "$docker_dir"
  services_stop_and_remove docker "" "$docker_dir" 0
  docker_pid=""
  docker_dir=""
}

docker_answers() {
  command -v docker > /dev/null && docker version > /dev/null 2>&1
}

docker_engine_version() {
  docker version --format '{{.Server.Version}}' 2> /dev/null || echo unknown
}

# docker: the client; dockerd: the engine. Debian's docker.io has both.
docker_install() {
  if ! command -v dockerd > /dev/null || ! command -v docker > /dev/null; then
    services_apt_install docker docker.io
  fi
}

# docker_run_engine <data root> <exec root> <pid file> <socket> <log>: starts dockerd (detached with
# SERVICES_DETACHED=1) and waits until it answers on the socket. Sets docker_pid.
docker_run_engine() {
  local data="$1" exec_root="$2" pidfile="$3" socket="$4" log="$5"
  services_spawn "$log" dockerd --data-root "$data" --exec-root "$exec_root" --pidfile "$pidfile" \
    --storage-driver vfs --iptables=false --ip6tables=false --bridge=none --host "unix://$socket"
  docker_pid=$services_spawned_pid
  services_wait docker "$DOCKER_READY_DEADLINE_SECONDS" "$log" "$docker_pid" env DOCKER_HOST="unix://$socket" docker version
}

# Mounts a killed engine left behind would make rm fail: unmount whatever is still mounted under the folder.
docker_unmount_under() {
  grep -o " $1/[^ ]*" /proc/mounts 2> /dev/null | sort -r | xargs -r -n 1 umount -l 2> /dev/null || true
}

# BuildKit builds without committing a container per instruction, which with vfs copies the whole image each time.
# A client on PATH without the buildx plugin cannot use it; Debian's client (20.10, from docker.io) has it built in:
# point the build's tool runner (DOCKER_EXE) at that one.
docker_choose_client() {
  local version
  version="$(docker_buildkit_client)" || return 0
  export DOCKER_EXE=/usr/bin/docker
  services_log "docker: DOCKER_EXE=$DOCKER_EXE (client $version builds with BuildKit; $(command -v docker) has no buildx)"
}

# Prints the version of Debian's client when the docker on PATH cannot build with BuildKit and that one can.
docker_buildkit_client() {
  if [[ -n "${DOCKER_EXE:-}" ]] || docker buildx version > /dev/null 2>&1 || [[ ! -x /usr/bin/docker ]]; then
    return 1
  fi
  local version
  version="$(/usr/bin/docker version --format '{{.Client.Version}}' 2> /dev/null || true)"
  [[ "${version%%.*}" =~ ^[0-9]+$ ]] && ((${version%%.*} < 23)) || return 1
  echo "$version"
}

docker_ensure_base_image() {
  if [[ -n "${BASE_IMAGE:-}" ]]; then
    services_log "docker: BASE_IMAGE=$BASE_IMAGE is set, using it"
    return 0
  fi
  "$here/runtime-deps-image.sh" || { services_log "docker: could not make the base image"; exit 2; }
  export BASE_IMAGE="localhost/runtime-deps:bookworm"
}

# --- the local environment -------------------------------------------------------------------------------------

# The engine local-environment.sh uses: the one DOCKER_HOST names, else the default socket, where `docker` finds it.
docker_local_host() {
  echo "${DOCKER_HOST:-$DOCKER_DEFAULT_HOST}"
}

# Started by local-environment: the pid dockerd wrote, when that dockerd still runs.
docker_local_pid() {
  services_pid_from "$LOCAL_ENV_DIR/docker/dockerd.pid" dockerd
}

docker_up() {
  local host dir="$LOCAL_ENV_DIR/docker" state=started
  host="$(docker_local_host)"
  if docker_answers; then
    local_env_report docker found "$host" "engine $(docker_engine_version)$(docker_local_pid > /dev/null && echo ", started by local-environment")"
    return 0
  fi
  if [[ "$host" != unix://* ]]; then
    local_env_fail "docker: no engine answers at DOCKER_HOST=$host, and one can only be started on a unix socket: start that engine, or unset DOCKER_HOST to use the default socket"
  fi
  if [[ $EUID -ne 0 ]]; then
    local_env_fail "docker: no engine answers at $host, and starting one needs root: start it (sudo systemctl start docker, or add yourself to the docker group) or run this as root"
  fi
  if ! command -v dockerd > /dev/null || ! command -v docker > /dev/null; then
    docker_install
    state="installed and started"
  fi
  # An engine of ours that runs but does not answer (wedged, or on another socket since DOCKER_HOST changed).
  local pid
  if pid="$(docker_local_pid)"; then
    local_env_fail "docker: the engine local-environment started (pid $pid) runs but does not answer at $host: stop it (local-environment.sh down) and run up again; log: $dir/dockerd.log"
  fi
  rm -f "$dir/dockerd.pid"
  mkdir -p "$dir" "$(dirname "${host#unix://}")"
  docker_run_engine "$dir/data" "$dir/exec" "$dir/dockerd.pid" "${host#unix://}" "$dir/dockerd.log"
  echo "$host" > "$dir/host"
  local_env_report docker "$state" "$host" "engine $(docker_engine_version); data in $dir"
  if docker_buildkit_client > /dev/null; then
    services_log "docker: note: $(command -v docker) has no buildx plugin, so BuildImage uses the slower legacy builder; DOCKER_EXE=/usr/bin/docker (Debian's client) builds with BuildKit"
  fi
}

docker_down() {
  local purge="$1" dir="$LOCAL_ENV_DIR/docker" host pid
  host="$(cat "$dir/host" 2> /dev/null || docker_local_host)"
  if pid="$(docker_local_pid)"; then
    # dockerd stops its containers (the deployed app too) and the containerd it started before it exits.
    services_stop_process docker "$pid" 30
    docker_unmount_under "$dir"
    local_env_report docker stopped "$host" "$(local_env_data_note "$purge" "$dir")"
  elif docker_answers; then
    local_env_report docker "left running" "$host" "not started by local-environment"
    purge=""
  else
    local_env_report docker "not running" "$host" "$(local_env_data_note "$purge" "$dir")"
  fi
  if [[ -n "$purge" ]]; then
    docker_unmount_under "$dir"
    rm -rf "$dir"
  fi
}

docker_status() {
  local host
  host="$(docker_local_host)"
  if docker_answers; then
    local_env_report docker answers "$host" "engine $(docker_engine_version)$(docker_local_pid > /dev/null && echo ", started by local-environment")"
  else
    local_env_report docker "not answering" "$host"
    return 1
  fi
}

# The base image the build uses in the local environment: BASE_IMAGE (the build's environment variable for
# --base-image, which the LocalEnvironment target also sets), else BaseImage in .nuke/parameters.local.json.
docker_local_base_image() {
  local image="${BASE_IMAGE:-}"
  if [[ -z "$image" ]]; then
    image="$(sed -n 's/.*"BaseImage"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$here/../../.nuke/parameters.local.json" 2> /dev/null | head -n 1)"
  fi
  echo "${image:-mcr.microsoft.com/dotnet/runtime-deps:10.0}"
}

# Only the offline image is made here; any other is pulled by BuildImage.
docker_base_image_up() {
  local image
  image="$(docker_local_base_image)"
  if [[ "$image" != localhost/runtime-deps:* ]]; then
    local_env_report "base image" "pulled by BuildImage" "$image"
  elif docker image inspect "$image" > /dev/null 2>&1; then
    local_env_report "base image" found "$image"
  else
    "$here/runtime-deps-image.sh" "$image" || local_env_fail "base image: could not make $image (see above)"
    local_env_report "base image" made "$image" "from Debian packages, cached in $SERVICES_CACHE_DIR"
  fi
}

docker_base_image_status() {
  local image
  image="$(docker_local_base_image)"
  if [[ "$image" != localhost/runtime-deps:* ]]; then
    local_env_report "base image" "pulled by BuildImage" "$image"
  elif docker image inspect "$image" > /dev/null 2>&1; then
    local_env_report "base image" present "$image"
  else
    local_env_report "base image" missing "$image"
    return 1
  fi
}
