# HAProxy, the local platform's router (weights changed at run time on its admin socket). local-environment.sh only
# makes sure it is installed: the local platform starts and configures its own instance when it deploys.

haproxy_version() {
  haproxy -v 2> /dev/null | sed -n 's/^HAProxy version \([^ ]*\).*/\1/p' | head -n 1
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
