#!/usr/bin/env bash
# Usage: build/services/with-services.sh <command> [args...]
#
# Makes the services the tests need available, runs the command with their addresses in the environment,
# and always stops what it started, exiting with the command's exit code (2 when a service cannot be provided).
#
# Services, one file each next to this script, each defining <name>_start and <name>_stop:
#   postgres.sh   exports TEST_DATABASE_URL (kept as is, and nothing started, when already set)
#   docker.sh     exports DOCKER_HOST (one engine on a private socket) and BASE_IMAGE (the offline base image)
#   registry.sh   exports TEST_REGISTRY and LOCAL_REGISTRY (an OCI registry on 127.0.0.1)
#   moto.sh       exports TEST_AWS_ENDPOINT (moto_server, the AWS API stand-in)
#   trivy.sh      exports TRIVY_EXE (Trivy from npm, installed once into the cache folder)
#   haproxy.sh    exports HAPROXY_EXE (Debian's haproxy, for the local platform's tests; nothing started)
# To add a service (nginx …): add <name>.sh and its name to SERVICES below. local-environment.sh (the persistent
# environment of `--environment local`) sources the same files and calls their <name>_up/_down/_status.
# SERVICES_ONLY="docker registry" starts only those (e.g. for a benchmark that needs no database).
set -euo pipefail

SERVICES=(postgres docker registry moto trivy haproxy)
if [[ -n "${SERVICES_ONLY:-}" ]]; then
  read -r -a SERVICES <<< "$SERVICES_ONLY"
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

services_log() { echo "services: $*" >&2; }
# shellcheck source=build/services/common.sh
source "$here/common.sh"

started=()
stop_services() {
  local i
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do
    "${started[i]}_stop" || services_log "${started[i]}: stop failed (see above)"
  done
  started=()
}
trap stop_services EXIT
# A signal while services start: exit (128+N), and the EXIT trap stops what was started.
trap 'exit 130' INT
trap 'exit 143' TERM

services_began=$SECONDS
for service in "${SERVICES[@]}"; do
  # shellcheck source=/dev/null
  source "$here/$service.sh"
  started+=("$service")
  began=$SECONDS
  "${service}_start"
  services_log "$service: took $((SECONDS - began))s"
done
services_log "all services ready in $((SECONDS - services_began))s"

services_log "running: $*"
# In the background so a signal to this script is handled now (bash defers traps while a foreground command runs):
# it is passed on as SIGTERM (background commands ignore SIGINT), and the services stop once the command is gone.
# A background command of a script starts with SIGINT ignored, and what ignores a signal at start can never catch it:
# reset it, so the build (and its tests of Ctrl-C) sees SIGINT as a terminal sends it.
env --default-signal=INT,QUIT "$@" <&0 &
child=$!
trap 'kill -TERM "$child" 2> /dev/null || true' INT TERM
status=0
while :; do
  wait "$child" && status=0 || status=$?
  kill -0 "$child" 2> /dev/null || break
done
services_log "command exited with $status"
exit "$status"
