# HAProxy, the local platform's router (weights changed at run time on its admin socket). Nothing is started here:
# each test, and DeployLocal, starts its own instance in its state folder; this makes sure it is installed.
# Sourced by with-services.sh (haproxy_start exports HAPROXY_EXE) and local-environment.sh (haproxy_up/_down/_status).

haproxy_version() {
  haproxy -v 2> /dev/null | sed -n 's/^HAProxy version \([^ ]*\).*/\1/p' | head -n 1
}

haproxy_start() {
  local exe
  exe="$(command -v haproxy || true)"
  [[ -n "$exe" || ! -x /usr/sbin/haproxy ]] || exe=/usr/sbin/haproxy
  if [[ -z "$exe" ]]; then
    services_apt_install haproxy haproxy
    exe="$(command -v haproxy || echo /usr/sbin/haproxy)"
  fi
  export HAPROXY_EXE="$exe"
  services_log "haproxy: HAPROXY_EXE=$HAPROXY_EXE ($("$HAPROXY_EXE" -v | head -n 1))"
}

haproxy_stop() {
  return 0
}

haproxy_up() {
  local state=found
  if ! command -v haproxy > /dev/null; then
    services_apt_install router haproxy
    state=installed
  fi
  local_env_report router "$state" "$(command -v haproxy)" "HAProxy $(haproxy_version); the local platform starts it"
}

haproxy_down() { :; }

haproxy_status() {
  if command -v haproxy > /dev/null; then
    local_env_report router found "$(command -v haproxy)" "HAProxy $(haproxy_version); the local platform starts it"
  else
    local_env_report router "not installed" haproxy
    return 1
  fi
}
