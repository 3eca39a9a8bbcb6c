# One Docker engine for the whole run, on a private socket in a temp dir (vfs storage, no bridge: it runs inside
# containers and CI machines where overlayfs and iptables are not available). Sourced by with-services.sh.
# Exports DOCKER_HOST, DOCKER_EXE (see docker_choose_client) and, unless set, BASE_IMAGE: the offline base image
# runtime-deps-image.sh makes, since a machine without a running engine here has no registry to pull from either.
# An engine that already answers (DOCKER_HOST, or the default socket as on GitHub's runners) is used as it is.

DOCKER_READY_DEADLINE_SECONDS="${DOCKER_READY_DEADLINE_SECONDS:-60}"
docker_dir=""
docker_pid=""

docker_start() {
  if command -v docker > /dev/null && docker version > /dev/null 2>&1; then
    services_log "docker: the engine at ${DOCKER_HOST:-the default socket} answers, using it (nothing started)"
    return 0
  fi
  command -v dockerd > /dev/null || services_apt_install docker docker.io
  command -v docker > /dev/null || services_apt_install docker docker.io
  docker_start_engine
  docker_choose_client
  docker_ensure_base_image
}

# BuildKit builds without committing a container per instruction, which with vfs copies the whole image each time.
# A client on PATH without the buildx plugin cannot use it; Debian's client (20.10, from docker.io) has it built in:
# point the build's tool runner (DOCKER_EXE) at that one.
docker_choose_client() {
  if [[ -n "${DOCKER_EXE:-}" ]] || docker buildx version > /dev/null 2>&1 || [[ ! -x /usr/bin/docker ]]; then
    return 0
  fi
  local version
  version="$(/usr/bin/docker version --format '{{.Client.Version}}' 2> /dev/null || true)"
  if [[ "${version%%.*}" =~ ^[0-9]+$ ]] && ((${version%%.*} < 23)); then
    export DOCKER_EXE=/usr/bin/docker
    services_log "docker: DOCKER_EXE=$DOCKER_EXE (client $version builds with BuildKit; $(command -v docker) has no buildx)"
  fi
}

docker_start_engine() {
  # A short path: a unix socket path is limited to 108 bytes.
  docker_dir="$(mktemp -d /tmp/docker.XXXXXX)"
  local socket="$docker_dir/docker.sock"
  dockerd --data-root "$docker_dir/data" --exec-root "$docker_dir/exec" --pidfile "$docker_dir/dockerd.pid" \
    --storage-driver vfs --iptables=false --ip6tables=false --bridge=none \
    --host "unix://$socket" > "$docker_dir/dockerd.log" 2>&1 &
  docker_pid=$!
  export DOCKER_HOST="unix://$socket"
  services_wait docker "$DOCKER_READY_DEADLINE_SECONDS" "$docker_dir/dockerd.log" "$docker_pid" docker version
  services_log "docker: ready, DOCKER_HOST=$DOCKER_HOST (engine $(docker version --format '{{.Server.Version}}'))"
}

docker_ensure_base_image() {
  if [[ -n "${BASE_IMAGE:-}" ]]; then
    services_log "docker: BASE_IMAGE=$BASE_IMAGE is set, using it"
    return 0
  fi
  "$here/runtime-deps-image.sh" || { services_log "docker: could not make the base image"; exit 2; }
  export BASE_IMAGE="localhost/runtime-deps:bookworm"
}

docker_stop() {
  [[ -n "$docker_pid" ]] || return 0
  # dockerd stops its containers and the containerd it started before it exits.
  services_stop_process docker "$docker_pid" 30
  # Mounts a killed engine left behind would make rm fail: unmount whatever is still mounted under the folder.
  grep -o " $docker_dir[^ ]*" /proc/mounts 2> /dev/null | sort -r | xargs -r -n 1 umount -l 2> /dev/null || true
  services_stop_and_remove docker "" "$docker_dir" 0
  docker_pid=""
  docker_dir=""
}
