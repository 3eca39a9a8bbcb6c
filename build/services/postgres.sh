# PostgreSQL for the tests: a throwaway cluster in a temp dir, on a free port of 127.0.0.1, with a generated password.
# Sourced by with-services.sh; exports TEST_DATABASE_URL. Uses the one given in the environment instead, if any.

POSTGRES_READY_DEADLINE_SECONDS="${POSTGRES_READY_DEADLINE_SECONDS:-60}"
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
  if [[ $EUID -eq 0 ]]; then
    id postgres > /dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown -R postgres: "$postgres_dir"
  fi

  services_log "postgres: initdb in $postgres_dir ($("$postgres_bin/postgres" --version))"
  if ! postgres_as_owner "$postgres_bin/initdb" --pgdata="$postgres_dir/data" --username=postgres \
      --pwfile="$postgres_dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C --no-sync > "$postgres_dir/initdb.log" 2>&1; then
    cat "$postgres_dir/initdb.log" >&2
    services_log "postgres: initdb failed"
    exit 2
  fi
  rm -f "$postgres_dir/pwfile"

  port="$(services_free_port)"
  # Durability settings off: the cluster lives for one test run.
  if ! postgres_as_owner "$postgres_bin/pg_ctl" --pgdata="$postgres_dir/data" --log="$postgres_dir/postgres.log" \
      --no-wait start -o "-c listen_addresses=127.0.0.1 -p $port -k $postgres_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      > /dev/null; then
    cat "$postgres_dir/postgres.log" >&2 || true
    services_log "postgres: pg_ctl start failed"
    exit 2
  fi

  postgres_wait_ready "$port"
  export TEST_DATABASE_URL="postgres://postgres:$password@127.0.0.1:$port/postgres"
  services_log "postgres: ready, TEST_DATABASE_URL=postgres://postgres:***@127.0.0.1:$port/postgres"
}

postgres_stop() {
  [[ -n "$postgres_dir" ]] || return 0
  if [[ -f "$postgres_dir/data/postmaster.pid" ]]; then
    postgres_as_owner "$postgres_bin/pg_ctl" --pgdata="$postgres_dir/data" --mode=fast --wait stop > /dev/null \
      || services_log "postgres: pg_ctl stop failed"
  fi
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

# The server refuses to run as root, so as root it runs as the postgres OS user.
postgres_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd "$postgres_dir" && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# pg_ctl starts the server in the background and exits, so there is no pid to watch: its log's FATAL lines tell.
postgres_wait_ready() {
  services_wait postgres "$POSTGRES_READY_DEADLINE_SECONDS" "$postgres_dir/postgres.log" "" \
    "$postgres_bin/pg_isready" --quiet --host=127.0.0.1 --port="$1" --timeout=2
}
