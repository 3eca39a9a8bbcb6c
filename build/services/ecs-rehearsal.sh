#!/usr/bin/env bash
# Usage: build/services/ecs-rehearsal.sh <command> [args...]    e.g. ./build.sh Provision DeployStaging
#        build/services/ecs-rehearsal.sh down | status
#
# Rehearses the AWS environments (staging, production) on this machine: moto stands in for AWS, with its data plane on
# (moto_data_plane.py: the services' tasks run on the Docker engine, each load balancer listener is an HTTP proxy that
# follows the listener's weights), and the local registry stands in for ECR's registry endpoint. Then it runs the
# command with the build's settings for that account in its environment. Like the local environment, what it starts
# outlives the command, so a second deploy, a Rollback or the awscli find the same account:
#   1. local-environment.sh up: the Docker engine, the offline base image, the registry, PostgreSQL, Trivy;
#   2. the moto launcher on 127.0.0.1:$APP_REHEARSAL_MOTO_PORT (default 4566), reused when it answers; its state and
#      log (one "moto-op <time> <service> <operation>" line per API call) in $APP_LOCAL_ENV_DIR/ecs-rehearsal;
#   3. what an account has before Provision (ecs-rehearsal-account.py): a VPC, two subnets, a security group, a DB
#      subnet group, the RDS instances <app>-staging and <app>-production;
#   4. the command, with AWS_ENDPOINT_URL (moto), fake keys, AWS_REGION, ECR_REGISTRY_ENDPOINT (the registry), the
#      subnets, security group, VPC, execution role, BASE_IMAGE, ECS_PUBLIC_URL / ECS_TEST_URL (the proxies of the
#      production and test listeners: 127.0.0.1:<APP_REHEARSAL_PROXY_OFFSET (10000) + 80 | 8080>), and short waits
#      (BAKE_TIME 5s, ANALYSIS_INTERVAL 1s, DEPLOY_POLL_INTERVAL 1s, DEPLOY_MAX_POLL_INTERVAL 3s) unless already set.
# The tasks get DATABASE_URL = the local PostgreSQL's app database, which the RDS instances stand for: a snapshot is a
# pg_dump of it (kept in the state folder), a restore a PostgreSQL server of the launcher's own (moto_data_plane.py).
#
#   down     stops the moto launcher (and the containers and restored databases it ran), removing its state and the
#            snapshots' dumps; the local environment stays
#            (local-environment.sh down stops it).
#   status   whether the launcher answers, and its proxies.
# Environment: APP_REHEARSAL_MOTO_PORT, APP_REHEARSAL_PROXY_OFFSET, APP_REHEARSAL_APP (default app), and those of
# local-environment.sh (APP_LOCAL_ENV_DIR, APP_LOCAL_REGISTRY_PORT, APP_LOCAL_POSTGRES_PORT, DOCKER_HOST).
# Exit: the command's; 2 when the rehearsal cannot be set up.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -gt 0 ]] || { echo "usage: $0 <command> [args...] | down | status" >&2; exit 2; }

services_log() { echo "ecs-rehearsal: $*" >&2; }
# shellcheck source=build/services/common.sh
source "$here/common.sh"
# shellcheck source=build/services/moto.sh
source "$here/moto.sh"
# shellcheck source=build/services/docker.sh
source "$here/docker.sh"

if [[ $EUID -eq 0 ]]; then
  LOCAL_ENV_DIR="${APP_LOCAL_ENV_DIR:-/var/lib/app-pipeline}"
else
  LOCAL_ENV_DIR="${APP_LOCAL_ENV_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/app-pipeline}"
fi
rehearsal_dir="$LOCAL_ENV_DIR/ecs-rehearsal"
moto_port="${APP_REHEARSAL_MOTO_PORT:-4566}"
proxy_offset="${APP_REHEARSAL_PROXY_OFFSET:-10000}"
app="${APP_REHEARSAL_APP:-app}"
endpoint="http://127.0.0.1:$moto_port"
public_url="http://127.0.0.1:$((proxy_offset + ${ECS_PRODUCTION_PORT:-80}))"
test_url="http://127.0.0.1:$((proxy_offset + ${ECS_TEST_PORT:-8080}))"

moto_answers() {
  curl --silent --fail --max-time 2 "$endpoint/moto-api/" > /dev/null 2>&1
}

rehearsal_pid() {
  services_pid_from "$rehearsal_dir/moto.pid" python
}

rehearsal_down() {
  local pid
  if pid="$(rehearsal_pid)"; then
    # SIGTERM: the launcher removes the containers it ran and stops the databases it restored before it exits.
    services_stop_process moto "$pid" 60
    services_log "moto: stopped (pid $pid); state removed"
  else
    services_log "moto: not running"
  fi
  rm -rf "$rehearsal_dir"
  services_log "the local environment keeps running: build/services/local-environment.sh down stops it"
}

rehearsal_up() {
  if [[ -z "${BASE_IMAGE:-}" ]]; then
    export BASE_IMAGE=localhost/runtime-deps:bookworm
  fi
  "$here/local-environment.sh" up >&2 || exit 2
  export DOCKER_HOST="${DOCKER_HOST:-$DOCKER_DEFAULT_HOST}"
  docker_choose_client

  local python
  python="$(moto_python)"
  [[ -n "$python" ]] || { services_log "moto: no Python with moto found (pip install 'moto[server]')"; exit 2; }
  command -v aws > /dev/null || services_apt_install awscli awscli
  if moto_answers; then
    rehearsal_pid > /dev/null || { services_log "moto: $endpoint answers but was not started by ecs-rehearsal.sh: stop it, or set APP_REHEARSAL_MOTO_PORT"; exit 2; }
    services_log "moto: found at $endpoint (log: $rehearsal_dir/moto.log)"
  else
    services_port_taken "$moto_port" && { services_log "moto: 127.0.0.1:$moto_port is taken by something else: set APP_REHEARSAL_MOTO_PORT"; exit 2; }
    mkdir -p "$rehearsal_dir"
    # The tasks' database: the local environment's, whose credential is a throwaway local one (postgres.sh).
    # shellcheck disable=SC2086 # $python may be "/usr/bin/env python3"
    SERVICES_DETACHED=1 services_spawn "$rehearsal_dir/moto.log" env MOTO_ECS_RUN_TASKS=1 MOTO_ECS_LOG_OPERATIONS=1 \
      MOTO_ECS_PROXY_PORT_OFFSET="$proxy_offset" MOTO_ECS_STATE_DIR="$rehearsal_dir" DOCKER_HOST="$DOCKER_HOST" \
      DATABASE_URL="postgres://app:local-only@127.0.0.1:${APP_LOCAL_POSTGRES_PORT:-55432}/app" \
      $python "$here/moto-ecs.py" -H 127.0.0.1 -p "$moto_port"
    echo "$services_spawned_pid" > "$rehearsal_dir/moto.pid"
    services_wait moto "$MOTO_READY_DEADLINE_SECONDS" "$rehearsal_dir/moto.log" "$services_spawned_pid" moto_answers
    grep -q "data plane on" "$rehearsal_dir/moto.log" || { tail -n 5 "$rehearsal_dir/moto.log" >&2; services_log "moto: its data plane is off (see above)"; exit 2; }
    services_log "moto: started at $endpoint with its data plane (log: $rehearsal_dir/moto.log)"
  fi

  local account assignment
  # shellcheck disable=SC2086
  account="$($python "$here/ecs-rehearsal-account.py" "$endpoint" "$app")" || { services_log "could not create the account's VPC, subnets and RDS instances in moto"; exit 2; }
  # ECS_SUBNETS=…, ECS_SECURITY_GROUPS=…, ECS_VPC=…: one a line, ids moto made.
  while IFS= read -r assignment; do
    # shellcheck disable=SC2163
    export "$assignment"
  done <<< "$account"

  # Keys moto accepts and no real one looks like (a secret scanner would flag an AKIA… id); not "test", a word the
  # build would then mask in every line it prints.
  export AWS_ENDPOINT_URL="$endpoint" AWS_ACCESS_KEY_ID=moto-rehearsal AWS_SECRET_ACCESS_KEY=moto-rehearsal-key AWS_REGION=us-east-1
  export ECR_REGISTRY_ENDPOINT="127.0.0.1:${APP_LOCAL_REGISTRY_PORT:-5000}"
  export ECS_APP="$app" ECS_EXECUTION_ROLE="${ECS_EXECUTION_ROLE:-arn:aws:iam::123456789012:role/ecsTaskExecutionRole}"
  export ECS_PUBLIC_URL="$public_url" ECS_TEST_URL="$test_url"
  export BAKE_TIME="${BAKE_TIME:-5s}" ANALYSIS_INTERVAL="${ANALYSIS_INTERVAL:-1s}"
  export DEPLOY_POLL_INTERVAL="${DEPLOY_POLL_INTERVAL:-1s}" DEPLOY_MAX_POLL_INTERVAL="${DEPLOY_MAX_POLL_INTERVAL:-3s}"
  services_log "AWS_ENDPOINT_URL=$AWS_ENDPOINT_URL ECR_REGISTRY_ENDPOINT=$ECR_REGISTRY_ENDPOINT ECS_PUBLIC_URL=$ECS_PUBLIC_URL ECS_TEST_URL=$ECS_TEST_URL"
}

case "$1" in
  down)
    [[ $# -eq 1 ]] || { echo "usage: $0 down" >&2; exit 2; }
    rehearsal_down
    ;;
  status)
    if moto_answers && rehearsal_pid > /dev/null; then
      echo "moto: answers, $endpoint (pid $(rehearsal_pid); log $rehearsal_dir/moto.log)"
      grep -h "proxy on" "$rehearsal_dir/moto.log" || true
    else
      echo "moto: not running, $endpoint"
      exit 3
    fi
    ;;
  *)
    rehearsal_up
    services_log "running: $*"
    exec "$@"
    ;;
esac
