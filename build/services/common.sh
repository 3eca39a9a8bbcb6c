# What the service scripts share: a free port, installing a Debian package, waiting for readiness, the cache folder.
# Sourced by with-services.sh before the services; every function logs through services_log and exits 2 on failure.

# Downloads and built artefacts (the base image's root filesystem, Trivy) that outlive one run: built once per machine.
SERVICES_CACHE_DIR="${SERVICES_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/app-pipeline}"

services_free_port() {
  if command -v python3 > /dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
    return
  fi
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return
    fi
  done
  services_log "found no free port"
  exit 2
}

# services_apt_install <service> <package>...: installs from Debian as root (or with password-less sudo, as on
# GitHub's runners), else says what to install and exits 2.
services_apt_install() {
  local service="$1" as_root=()
  shift
  [[ $EUID -eq 0 ]] || as_root=(sudo -n)
  if ! command -v apt-get > /dev/null || { [[ $EUID -ne 0 ]] && ! sudo -n true 2> /dev/null; }; then
    services_log "$service: not installed; install it (apt-get install $*) or run as root to have it installed"
    exit 2
  fi
  services_log "$service: installing $* with apt-get"
  # The package lists may be missing or old on a fresh machine: update once per run, and only when installing.
  if [[ -z "${services_apt_updated:-}" ]]; then
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq > /dev/null || { services_log "$service: apt-get update failed"; exit 2; }
    services_apt_updated=1
  fi
  if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" > /dev/null; then
    services_log "$service: apt-get install $* failed"
    exit 2
  fi
}

# services_wait <service> <deadline seconds> <log file> <pid or ""> <command>...: runs the command until it succeeds.
# Gives up at the deadline, or at once when the process died or its log has a FATAL line (a port taken, a bad
# setting: no point waiting for the deadline), printing the end of the log.
services_wait() {
  local service="$1" deadline="$2" log="$3" pid="$4" start=$SECONDS elapsed next_progress=5
  shift 4
  until "$@" > /dev/null 2>&1; do
    elapsed=$((SECONDS - start))
    if { [[ -n "$pid" ]] && ! kill -0 "$pid" 2> /dev/null; } || grep -q 'FATAL' "$log" 2> /dev/null || ((elapsed >= deadline)); then
      tail -n 20 "$log" >&2 || true
      services_log "$service: not ready after ${elapsed}s / ${deadline}s (log: $log)"
      exit 2
    fi
    if ((elapsed >= next_progress)); then
      services_log "$service: waiting (${elapsed}s / ${deadline}s)"
      next_progress=$((elapsed + 5))
    fi
    sleep 0.2
  done
}

# services_stop_process <service> <pid> <grace seconds>: SIGTERM, then SIGKILL after the grace period.
services_stop_process() {
  local service="$1" pid="$2" grace="$3" waited=0
  kill -TERM "$pid" 2> /dev/null || return 0
  while kill -0 "$pid" 2> /dev/null; do
    if ((waited >= grace * 5)); then
      services_log "$service: still running after ${grace}s, killing it"
      kill -KILL "$pid" 2> /dev/null || true
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  wait "$pid" 2> /dev/null || true
}

# services_stop_and_remove <service> <pid> <folder> <grace seconds>: stops the process, then removes its folder.
services_stop_and_remove() {
  local service="$1" pid="$2" folder="$3" grace="$4"
  services_stop_process "$service" "$pid" "$grace"
  rm -rf "$folder"
  services_log "$service: stopped and removed $folder"
}
