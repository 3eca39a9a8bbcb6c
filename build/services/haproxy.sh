# HAProxy, the local platform's router: nothing is started here (each test, and DeployLocal, starts its own in its
# state folder); this makes sure it is installed. Sourced by with-services.sh. Exports HAPROXY_EXE.

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
