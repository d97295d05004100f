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

# This clone's cluster is running (its postmaster.pid names a live server); a server of another
# clone on the same port answers pg_isready too, but is not ours to use or stop.
pg_running() { [[ -f $PG_DATA/postmaster.pid ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

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
  if pg_running; then
    log "PostgreSQL: already running (pid $(head -n 1 "$PG_DATA/postmaster.pid"))"
  else
    port_open "$PG_PORT" && port_taken "$PG_PORT" DATABASE_URL
    log "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
    as_pg mkdir -p "$PG_SOCKET"
    # pg_ctl detaches the server into its own session; -w waits until it accepts connections.
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_SOCKET -c max_connections=200" start >/dev/null ||
      { tail "$PG_DIR/postgres.log" >&2; die "PostgreSQL did not start"; }
  fi
  wait_for "PostgreSQL" 30 "$PG_DIR/postgres.log" pg_ready
  # Two roles: v2v owns the database and runs the migrations; the services connect as v2v_app,
  # which gets only the grants the migrations give it (no ALTER, no UPDATE/DELETE on trails).
  if [[ $(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'v2v'") != 1 ]]; then
    log "PostgreSQL: creating role v2v"
    psql_admin -c "CREATE ROLE v2v LOGIN PASSWORD 'v2v'"
  fi
  # The owner may create databases: a bench that needs a ledger of its own size (bench:trace)
  # makes its own database as the owner and drops it after. Granted to clusters made earlier too.
  if [[ $(psql_admin -c "SELECT rolcreatedb FROM pg_roles WHERE rolname = 'v2v'") != t ]]; then
    log "PostgreSQL: granting role v2v CREATEDB"
    psql_admin -c "ALTER ROLE v2v CREATEDB"
  fi
  if [[ $(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'v2v_app'") != 1 ]]; then
    log "PostgreSQL: creating role v2v_app"
    psql_admin -c "CREATE ROLE v2v_app LOGIN PASSWORD 'v2v_app'"
  fi
  if [[ $(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'v2v'") != 1 ]]; then
    log "PostgreSQL: creating database v2v"
    psql_admin -c "CREATE DATABASE v2v OWNER v2v"
  fi
  log "PostgreSQL: ready (services postgres://v2v_app:v2v_app@127.0.0.1:$PG_PORT/v2v, migrations as v2v)"
}

# Fast shutdown (pg_ctl -m fast = SIGINT: disconnects clients, then a clean checkpoint); SIGTERM
# would be a "smart" shutdown that waits for every connected app. If that does not finish in
# time, immediate mode (SIGQUIT), then SIGKILL as the last resort.
stop_postgres() {
  PG_BIN=$(pg_bin_dir) || return 0
  pg_running || return 0
  local pid
  pid=$(head -n 1 "$PG_DATA/postmaster.pid")
  log "stopping PostgreSQL (pid $pid)"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 && return 0
  log "PostgreSQL did not stop in 30 s: immediate shutdown"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 && return 0
  log "PostgreSQL still running: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

status_postgres() {
  if [[ -n ${DATABASE_URL:-} ]]; then echo "postgresql  external  (DATABASE_URL)"; return; fi
  PG_BIN=$(pg_bin_dir) || true
  if [[ -n ${PG_BIN:-} ]] && pg_running && pg_ready; then
    echo "postgresql  up        127.0.0.1:$PG_PORT  pid $(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null)"
  else
    echo "postgresql  down"
  fi
}
