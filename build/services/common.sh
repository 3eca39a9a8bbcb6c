# What the service scripts share: a free port, installing a Debian package, starting a server (for one command, or
# detached to outlive the script), waiting for readiness, stopping, the cache folder. Sourced by with-services.sh and
# local-environment.sh before the services; every function logs through services_log and exits 2 on failure.

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
    if ! services_port_taken "$port"; then
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
    # PostgreSQL logs the readiness probe's own early attempts as "FATAL: the database system is starting up", and
    # after an unclean stop (a killed machine) as "... is not yet accepting connections" while it recovers.
    if { [[ -n "$pid" ]] && ! kill -0 "$pid" 2> /dev/null; } \
      || { grep 'FATAL' "$log" 2> /dev/null | grep -qvE 'the database system is (starting up|not yet accepting connections)'; } \
      || ((elapsed >= deadline)); then
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

# services_spawn <log> <command>...: starts a server in the background, its output into the log, and sets
# services_spawned_pid. With SERVICES_DETACHED=1 (local-environment.sh) the server outlives this script and whatever
# ran it: a session of its own, standard input from /dev/null, descriptor 9 (the script's lock) closed, and without
# the build's tool marker (a build stops every process carrying its marker on a hard stop); the log of its previous
# start is kept as <log>.previous. setsid does not fork here (a background job of a script is no group leader), so
# the pid is the server's own.
services_spawn() {
  local log="$1"
  shift
  if [[ "${SERVICES_DETACHED:-}" == 1 ]]; then
    services_rotate_log "$log"
    setsid env -u BUILD_TOOL_ID "$@" < /dev/null > "$log" 2>&1 9>&- &
  else
    "$@" > "$log" 2>&1 &
  fi
  services_spawned_pid=$!
}

# services_rotate_log <log>: keeps the log of the previous start as <log>.previous, so that readiness is judged by
# this start's lines alone.
services_rotate_log() {
  if [[ -s "$1" ]]; then mv -f "$1" "$1.previous"; fi
}

# services_alive <pid>: the process runs (a zombie waiting to be reaped does not count).
services_alive() {
  [[ "$1" =~ ^[0-9]+$ ]] && kill -0 "$1" 2> /dev/null || return 1
  local state
  state="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2> /dev/null || true)"
  [[ "$state" != Z ]]
}

# services_pid_from <pid file> <program name>: prints the pid the file holds when that process runs and is the
# program (a pid file left by a reboot may name a pid reused by something else); fails otherwise.
services_pid_from() {
  local pid
  pid="$(cat "$1" 2> /dev/null || true)"
  services_alive "$pid" || return 1
  [[ "$(cat "/proc/$pid/comm" 2> /dev/null)" == "$2"* ]] || return 1
  echo "$pid"
}

# services_port_taken <port>: something accepts connections on 127.0.0.1:<port>.
services_port_taken() {
  (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
}

# services_stop_process <service> <pid> <grace seconds>: SIGTERM, then SIGKILL after the grace period.
services_stop_process() {
  local service="$1" pid="$2" grace="$3" waited=0
  kill -TERM "$pid" 2> /dev/null || return 0
  while services_alive "$pid"; do
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
