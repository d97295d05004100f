# PostgreSQL: Debian's server binaries, one cluster in .data/postgres on 127.0.0.1:55432
# (not 5432, so a system server never collides). The server refuses to run as root, so
# as root it runs as the `postgres` system user.

PG_DIR="$DATA/postgres"
PG_DATA="$PG_DIR/data"
PG_SOCKET="$PG_DIR/run"

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n $dir && -x $dir/postgres ]] && echo "$dir"
}

provision_postgres() {
  if [[ -z $(pg_bin_dir) ]]; then
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL server binaries are missing: apt-get install -y postgresql"
    log "installing Debian's postgresql package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >"$LOGS/apt-postgresql.log" 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >"$LOGS/apt-postgresql.log" 2>&1; } ||
      die "apt-get install postgresql failed (log: $LOGS/apt-postgresql.log)"
  fi
  PG_BIN=$(pg_bin_dir)
}

# Runs a server command as the cluster's owner.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_pg_owner() {
  [[ $(id -u) -eq 0 ]] || return 0
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  mkdir -p "$PG_DIR"
  chown postgres: "$PG_DIR"
}

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }

psql_admin() { as_pg "$PG_BIN/psql" -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

start_postgres() {
  if [[ -n ${DATABASE_URL:-} ]]; then log "PostgreSQL: using external database from DATABASE_URL"; return 0; fi
  provision_postgres
  ensure_pg_owner
  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    log "PostgreSQL: initialising cluster in $PG_DATA"
    as_pg mkdir -p "$PG_DATA" "$PG_SOCKET"
    # Superuser over the local socket only; the app role authenticates with its password.
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$LOGS/postgres-initdb.log" 2>&1 || { tail "$LOGS/postgres-initdb.log" >&2; die "initdb failed"; }
  fi
  if pg_ready; then
    log "PostgreSQL: already running"
  else
    port_open "$PG_PORT" && die "port $PG_PORT is taken by another process; stop it or set DATABASE_URL to use it"
    log "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
    as_pg mkdir -p "$PG_SOCKET"
    as_pg setsid "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_SOCKET -c max_connections=200" start >/dev/null ||
      { tail "$PG_DIR/postgres.log" >&2; die "PostgreSQL did not start"; }
  fi
  wait_for "PostgreSQL" 30 "$PG_DIR/postgres.log" pg_ready
  if [[ $(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'v2v'") != 1 ]]; then
    log "PostgreSQL: creating role and database v2v"
    psql_admin -c "CREATE ROLE v2v LOGIN PASSWORD 'v2v'"
    psql_admin -c "CREATE DATABASE v2v OWNER v2v"
  fi
  log "PostgreSQL: ready (postgres://v2v:v2v@127.0.0.1:$PG_PORT/v2v)"
}

stop_postgres() {
  [[ -f $PG_DATA/postmaster.pid ]] || return 0
  PG_BIN=$(pg_bin_dir)
  log "stopping PostgreSQL"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null || true
}

status_postgres() {
  if [[ -n ${DATABASE_URL:-} ]]; then echo "postgresql  external  (DATABASE_URL)"; return; fi
  PG_BIN=$(pg_bin_dir) || true
  if [[ -n ${PG_BIN:-} ]] && pg_ready; then
    echo "postgresql  up        127.0.0.1:$PG_PORT  pid $(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null)"
  else
    echo "postgresql  down"
  fi
}
