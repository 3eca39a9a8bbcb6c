# moto_server, the AWS API stand-in (ECR, ECS, ELBv2, CloudWatch …), on a free port of 127.0.0.1. Sourced by
# with-services.sh. Exports TEST_AWS_ENDPOINT (http://127.0.0.1:PORT). It does not set AWS_ENDPOINT_URL: a build run
# under this script must still reach real AWS unless it is pointed at moto on purpose.
# Uses the one given in TEST_AWS_ENDPOINT instead, if any.

MOTO_READY_DEADLINE_SECONDS="${MOTO_READY_DEADLINE_SECONDS:-30}"
moto_dir=""
moto_pid=""
moto_launcher="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/moto-ecs.py"

moto_start() {
  if [[ -n "${TEST_AWS_ENDPOINT:-}" ]]; then
    services_log "moto: TEST_AWS_ENDPOINT is set, using it (nothing started)"
    return 0
  fi
  if ! command -v moto_server > /dev/null && command -v pip3 > /dev/null; then
    services_log "moto: installing moto_server with pip"
    pip3 install --quiet --user 'moto[server]>=5,<6' > /dev/null 2>&1 && export PATH="$HOME/.local/bin:$PATH"
  fi
  if ! command -v moto_server > /dev/null; then
    services_log "moto: moto_server not found; install it (pip install 'moto[server]') or set TEST_AWS_ENDPOINT"
    exit 2
  fi

  # The awscli is the tests' independent check of what the clients left in moto.
  command -v aws > /dev/null || services_apt_install awscli awscli

  moto_dir="$(mktemp -d "${TMPDIR:-/tmp}/with-services-moto.XXXXXX")"
  local port
  port="$(services_free_port)"
  local python
  python="$(moto_python)"
  # $python unquoted on purpose: the interpreter may be "/usr/bin/env python3".
  # shellcheck disable=SC2086
  if [[ -n "$python" ]] && $python "$moto_launcher" --check > "$moto_dir/check.log" 2>&1; then
    # moto with ECS rollouts and their target registration emulated (see moto-ecs.py)
    # shellcheck disable=SC2086
    $python "$moto_launcher" -H 127.0.0.1 -p "$port" > "$moto_dir/moto.log" 2>&1 &
  else
    services_log "moto: the ECS rollout emulation does not load with this moto ($(tail -n 1 "$moto_dir/check.log" 2>/dev/null)); plain moto_server"
    moto_server -H 127.0.0.1 -p "$port" > "$moto_dir/moto.log" 2>&1 &
  fi
  moto_pid=$!
  services_wait moto "$MOTO_READY_DEADLINE_SECONDS" "$moto_dir/moto.log" "$moto_pid" \
    curl --silent --fail --max-time 2 "http://127.0.0.1:$port/moto-api/"
  export TEST_AWS_ENDPOINT="http://127.0.0.1:$port"
  services_log "moto: ready, TEST_AWS_ENDPOINT=$TEST_AWS_ENDPOINT"
}

# The Python that has moto: python3 when it imports moto, else the interpreter moto_server's script runs (behind a
# pyenv shim, the one pyenv resolves). Empty when neither is found.
moto_python() {
  if python3 -c 'import moto.server' > /dev/null 2>&1; then
    echo python3
    return 0
  fi
  local script shebang
  script="$(command -v moto_server)"
  if command -v pyenv > /dev/null; then
    script="$(pyenv which moto_server 2> /dev/null || echo "$script")"
  fi
  shebang="$(head -n 1 "$script")"
  shebang="${shebang#\#!}"
  # Word-split on purpose: a shebang may be "/usr/bin/env python3".
  # shellcheck disable=SC2086
  if [[ "$shebang" == *python* ]] && $shebang -c 'import moto.server' > /dev/null 2>&1; then
    echo "$shebang"
  fi
  return 0
}

moto_stop() {
  [[ -n "$moto_pid" ]] || return 0
  services_stop_and_remove moto "$moto_pid" "$moto_dir" 10
  moto_pid=""
  moto_dir=""
}
