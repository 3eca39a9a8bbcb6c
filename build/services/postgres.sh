# PostgreSQL (15 preferred) on 127.0.0.1. As root the server runs as the postgres OS user (it refuses root).
#
# with-services.sh: postgres_start/postgres_stop, a throwaway cluster for the tests in a temp dir, on a free port,
#   with a generated password, durability off. Exports TEST_DATABASE_URL; uses the one given instead, if any.
# local-environment.sh: postgres_up/postgres_down/postgres_status, a cluster that persists under
#   $LOCAL_ENV_DIR/postgres and outlives the script, on $LOCAL_POSTGRES_PORT, with a database and user for the app
#   (the fixed local-only credential of .nuke/parameters.local.json's DatabaseUrl).

POSTGRES_READY_DEADLINE_SECONDS="${POSTGRES_READY_DEADLINE_SECONDS:-60}"
# The local environment's database: a throwaway credential for a server that listens on 127.0.0.1 only. Not a secret.
POSTGRES_LOCAL_USER=app
POSTGRES_LOCAL_PASSWORD=local-only
POSTGRES_LOCAL_DATABASE=app
postgres_dir=""
postgres_bin=""

postgres_start() {
  if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
    services_log "postgres: TEST_DATABASE_URL is set, using it (nothing started)"
    return 0
  fi

  postgres_find_bin || postgres_install
  postgres_find_bin || { services_log "postgres: initdb still missing after installing postgresql"; exit 2; }

  postgres_dir="$(mktemp -d "${TMPDIR:-/tmp}/with-services-postgres.XXXXXX")"
  local password port
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" > "$postgres_dir/pwfile"
  postgres_own "$postgres_dir"
  postgres_initdb "$postgres_dir/data" --pwfile="$postgres_dir/pwfile" --no-sync
  rm -f "$postgres_dir/pwfile"

  port="$(services_free_port)"
  # Durability settings off: the cluster lives for one test run.
  postgres_launch "$postgres_dir/data" "$port" "$postgres_dir" "$postgres_dir/postgres.log" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  export TEST_DATABASE_URL="postgres://postgres:$password@127.0.0.1:$port/postgres"
  services_log "postgres: ready, TEST_DATABASE_URL=postgres://postgres:***@127.0.0.1:$port/postgres"
}

postgres_stop() {
  [[ -n "$postgres_dir" ]] || return 0
  postgres_halt "$postgres_dir/data" || services_log "postgres: pg_ctl stop failed"
  rm -rf "$postgres_dir"
  services_log "postgres: stopped and removed $postgres_dir"
  postgres_dir=""
}

# Prefers 15 (what the pipeline targets), else the newest installed major version.
postgres_find_bin() {
  local initdb
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    initdb=/usr/lib/postgresql/15/bin/initdb
  else
    initdb="$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 || true)"
  fi
  [[ -n "$initdb" ]] || return 1
  postgres_bin="$(dirname "$initdb")"
}

postgres_install() {
  services_apt_install postgres postgresql
}

# postgres_own <folder>: as root, gives the folder to the postgres OS user (created when missing).
postgres_own() {
  if [[ $EUID -eq 0 ]]; then
    id postgres > /dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown -R postgres: "$1"
  fi
}

# The server refuses to run as root, so as root it runs as the postgres OS user. Descriptor 9 (local-environment's
# lock) is closed: the server would hold the lock for as long as it runs.
postgres_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd "$postgres_dir" && runuser -u postgres -- "$@") 9>&-
  else
    "$@" 9>&-
  fi
}

# postgres_initdb <data folder> <initdb option>...: a UTF-8 cluster, superuser postgres, trust on the unix socket
# only (its folder belongs to the server's user), passwords over TCP.
postgres_initdb() {
  local data="$1"
  shift
  services_log "postgres: initdb in $data ($("$postgres_bin/postgres" --version))"
  if ! postgres_as_owner "$postgres_bin/initdb" --pgdata="$data" --username=postgres --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C "$@" > "$postgres_dir/initdb.log" 2>&1; then
    cat "$postgres_dir/initdb.log" >&2
    services_log "postgres: initdb failed"
    exit 2
  fi
  rm -f "$postgres_dir/initdb.log"
}

# postgres_launch <data folder> <port> <socket folder> <log> [server options]: starts the server on 127.0.0.1 and
# waits until it accepts connections. pg_ctl starts it in a session of its own, so it outlives this script; the
# build's tool marker is dropped from its environment (a build stops every process carrying it on a hard stop).
postgres_launch() {
  local data="$1" port="$2" sockets="$3" log="$4" options="${5:-}"
  services_rotate_log "$log"
  if ! postgres_as_owner env -u BUILD_TOOL_ID "$postgres_bin/pg_ctl" --pgdata="$data" --log="$log" --no-wait start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $sockets $options" > /dev/null; then
    tail -n 20 "$log" >&2 || true
    services_log "postgres: pg_ctl start failed (log: $log)"
    exit 2
  fi
  postgres_wait_ready "$port" "$log"
}

# postgres_halt <data folder>: a fast shutdown, when a server runs on the folder.
postgres_halt() {
  [[ -f "$1/postmaster.pid" ]] || return 0
  postgres_as_owner "$postgres_bin/pg_ctl" --pgdata="$1" --mode=fast --wait stop > /dev/null
}

# pg_ctl starts the server in the background and exits, so there is no pid to watch: its log's FATAL lines tell.
postgres_wait_ready() {
  services_wait postgres "$POSTGRES_READY_DEADLINE_SECONDS" "$2" "" postgres_accepts "$1"
}

postgres_accepts() {
  "$postgres_bin/pg_isready" --quiet --host=127.0.0.1 --port="$1" --timeout=2
}

# --- the local environment -------------------------------------------------------------------------------------

postgres_local_url() {
  echo "postgres://$POSTGRES_LOCAL_USER:$POSTGRES_LOCAL_PASSWORD@127.0.0.1:$LOCAL_POSTGRES_PORT/$POSTGRES_LOCAL_DATABASE"
}

# What the service lines say about the app's database (the build masks the password: DatabaseUrl is a secret parameter).
postgres_app_note() {
  echo "database $POSTGRES_LOCAL_DATABASE, user $POSTGRES_LOCAL_USER, password $POSTGRES_LOCAL_PASSWORD"
}

# The app's credential works: what MigrateDb and the deployed app need.
postgres_app_answers() {
  PGCONNECT_TIMEOUT=3 "$postgres_bin/psql" --no-psqlrc --quiet --tuples-only --command 'SELECT 1' "$(postgres_local_url)" > /dev/null 2>&1
}

# The server running on the local environment's cluster, if any: postmaster.pid's first line is the pid.
postgres_local_pid() {
  local pid
  pid="$(head -n 1 "$LOCAL_ENV_DIR/postgres/data/postmaster.pid" 2> /dev/null || true)"
  services_alive "$pid" && [[ "$(cat "/proc/$pid/comm" 2> /dev/null)" == postgres* ]] && echo "$pid"
}

# The binaries of the cluster's major version (an existing cluster), else the preferred ones; installs when missing.
postgres_local_bin() {
  local version
  version="$(cat "$LOCAL_ENV_DIR/postgres/data/PG_VERSION" 2> /dev/null || true)"
  if [[ -n "$version" && -x "/usr/lib/postgresql/$version/bin/initdb" ]]; then
    postgres_bin="/usr/lib/postgresql/$version/bin"
  elif [[ -n "$version" ]]; then
    local_env_fail "postgres: the cluster in $LOCAL_ENV_DIR/postgres/data is PostgreSQL $version, whose binaries are not installed: apt-get install postgresql-$version, or remove the data (local-environment.sh down --purge)"
  else
    postgres_find_bin
  fi
}

# The app's user (it creates the migration check's throwaway databases: CREATEDB) and database, when missing.
postgres_ensure_app() {
  local sockets="$LOCAL_ENV_DIR/postgres/run"
  postgres_as_owner "$postgres_bin/psql" --no-psqlrc --quiet --host="$sockets" --port="$LOCAL_POSTGRES_PORT" \
    --username=postgres --dbname=postgres --set=ON_ERROR_STOP=1 > /dev/null << SQL || local_env_fail "postgres: could not create the user and database $POSTGRES_LOCAL_USER (see above)"
SELECT 'CREATE ROLE $POSTGRES_LOCAL_USER LOGIN CREATEDB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$POSTGRES_LOCAL_USER') \gexec
ALTER ROLE $POSTGRES_LOCAL_USER PASSWORD '$POSTGRES_LOCAL_PASSWORD';
SELECT 'CREATE DATABASE $POSTGRES_LOCAL_DATABASE OWNER $POSTGRES_LOCAL_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$POSTGRES_LOCAL_DATABASE') \gexec
SQL
}

postgres_up() {
  local dir="$LOCAL_ENV_DIR/postgres" state=started url address="127.0.0.1:$LOCAL_POSTGRES_PORT"
  url="$(postgres_local_url)"
  postgres_dir="$dir"
  if ! postgres_local_bin; then
    postgres_install
    postgres_find_bin || local_env_fail "postgres: initdb still missing after installing postgresql"
    state="installed and started"
  fi
  if postgres_accepts "$LOCAL_POSTGRES_PORT"; then
    if ! postgres_app_answers; then
      postgres_local_pid > /dev/null || local_env_fail "postgres: 127.0.0.1:$LOCAL_POSTGRES_PORT answers but not to $url, and it is not the local environment's server: stop it, or set APP_LOCAL_POSTGRES_PORT (and pass --database-url to the build)"
      postgres_ensure_app
    fi
    local_env_report postgres found "$address" "$(postgres_app_note); $(postgres_local_pid > /dev/null && echo "started by local-environment; data in $dir/data" || echo "not started by local-environment")"
    return 0
  fi
  if services_port_taken "$LOCAL_POSTGRES_PORT"; then
    local_env_fail "postgres: 127.0.0.1:$LOCAL_POSTGRES_PORT is taken by something that is not PostgreSQL: stop it, or set APP_LOCAL_POSTGRES_PORT (and pass --database-url to the build)"
  fi
  mkdir -p "$dir/run"
  postgres_own "$dir"
  if [[ ! -s "$dir/data/PG_VERSION" ]]; then
    rm -rf "$dir/data"
    # --no-sync: a crash in the next seconds would at worst need a new cluster; the server itself syncs as usual.
    postgres_initdb "$dir/data" --no-sync
    state="${state/started/initialized and started}"
  fi
  postgres_launch "$dir/data" "$LOCAL_POSTGRES_PORT" "$dir/run" "$dir/postgres.log"
  postgres_ensure_app
  local_env_report postgres "$state" "$address" "$(postgres_app_note); PostgreSQL $("$postgres_bin/postgres" --version | awk '{print $3}'); data in $dir/data"
}

postgres_down() {
  local purge="$1" dir="$LOCAL_ENV_DIR/postgres" address="127.0.0.1:$LOCAL_POSTGRES_PORT"
  postgres_dir="$dir"
  if postgres_local_pid > /dev/null; then
    postgres_local_bin || true
    postgres_halt "$dir/data" || local_env_fail "postgres: pg_ctl stop failed (log: $dir/postgres.log)"
    local_env_report postgres stopped "$address" "$(local_env_data_note "$purge" "$dir/data")"
  elif postgres_find_bin && postgres_accepts "$LOCAL_POSTGRES_PORT"; then
    local_env_report postgres "left running" "$address" "not started by local-environment"
  else
    local_env_report postgres "not running" "$address" "$(local_env_data_note "$purge" "$dir/data")"
  fi
  [[ -z "$purge" ]] || rm -rf "$dir"
}

postgres_status() {
  local address="127.0.0.1:$LOCAL_POSTGRES_PORT"
  postgres_dir="$LOCAL_ENV_DIR/postgres"
  if ! postgres_find_bin || ! postgres_accepts "$LOCAL_POSTGRES_PORT"; then
    local_env_report postgres "not answering" "$address"
    return 1
  fi
  if ! postgres_app_answers; then
    local_env_report postgres "answers but refuses the app's user" "$address" "$(postgres_app_note); local-environment.sh up creates it"
    return 1
  fi
  local_env_report postgres answers "$address" "$(postgres_app_note); $(postgres_local_pid > /dev/null && echo "started by local-environment" || echo "not started by local-environment")"
}
