# Shared by the infra scripts: paths, versions, logging, process and readiness helpers.
# Binaries and jars are cached per user and version (reused by every clone and CI run);
# data, logs and pid files live in the clone's ignored .data/ folder.
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$INFRA_DIR/../.." && pwd)"
DATA="$ROOT/.data"
LOGS="$DATA/logs"
RUN="$DATA/run"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/v2v-platform"

TEMPORAL_CLI_VERSION=1.5.1
KAFKA_VERSION=4.4.0
TEMPORAL_TEST_SERVER_VERSION=1.38.0

TEMPORAL_BIN="$CACHE/temporal-cli-$TEMPORAL_CLI_VERSION/temporal"
KAFKA_LIBS="$CACHE/kafka-$KAFKA_VERSION/libs"
TEST_SERVER_LIBS="$CACHE/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION/libs"

TEMPORAL_PORT=7233
TEMPORAL_UI_PORT=8233
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
PG_PORT=55432
SEARCH_ATTRIBUTES=(DonorCode InstitutionId JourneyStage ProductCode)

log() { echo "[infra] $*"; }
die() { echo "[infra] error: $*" >&2; exit 1; }

# A missing tool stops with one line naming it and how to get it.
need() {
  local tool=$1 hint=$2
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed: $hint"
}

pid_file() { echo "$RUN/$1.pid"; }

is_running() {
  local file
  file=$(pid_file "$1")
  [[ -f $file ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Names whoever listens on a port (another clone's server, a system service) in the error.
port_taken() {
  local port=$1 override=$2 owner=""
  command -v ss >/dev/null 2>&1 && owner=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1)
  if [[ -n $owner ]]; then
    owner="${owner#pid=}"
    owner=" by pid $owner ($(tr '\0' ' ' <"/proc/$owner/cmdline" 2>/dev/null | cut -c1-120))"
  fi
  die "port $port is taken${owner}; stop that process, or set $override to use that server"
}

# start_daemon <name> <output-file> <command...>: runs a server in the background in its own
# session (setsid), so a Ctrl-C meant for `npm start` reaches the apps and not the servers
# (infra:down stops them). The inner shell writes its own pid and then becomes the server
# (exec), so the pid file names the server even where setsid has to fork.
start_daemon() {
  local name=$1 out=$2
  shift 2
  local file
  file=$(pid_file "$name")
  rm -f "$file"
  nohup setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' start_daemon "$file" "$@" >"$out" 2>&1 </dev/null &
  local deadline=$((SECONDS + 10))
  until [[ -s $file ]]; do
    ((SECONDS < deadline)) || die "$name did not start (output: $out)"
    sleep 0.1
  done
}

# wait_for <description> <timeout-seconds> <log-file> <command...>: polls, never sleeps blind.
wait_for() {
  local what=$1 timeout=$2 logfile=$3
  shift 3
  "$@" >/dev/null 2>&1 && return 0
  log "$what: waiting until ready (up to ${timeout} s)"
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      echo "[infra] error: $what not ready after ${timeout} s; see $logfile, last lines:" >&2
      tail -n 30 "$logfile" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
}

# stop_pid <name> <grace-seconds>: SIGTERM, wait, then SIGKILL.
stop_pid() {
  local name=$1 grace=$2 file pid
  file=$(pid_file "$name")
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while kill -0 "$pid" 2>/dev/null; do
      if ((SECONDS >= deadline)); then
        log "$name did not stop in ${grace}s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
  fi
  rm -f "$file"
}

# Maven copies a dependency list into a cache folder; the rename makes it all-or-nothing.
maven_copy() {
  local pom=$1 dest=$2
  shift 2
  need java "install a JDK 17, e.g. apt-get install -y openjdk-17-jre-headless"
  need mvn "install Maven, e.g. apt-get install -y maven"
  rm -rf "$dest.tmp"
  mvn -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$dest.tmp" "$@" >"$LOGS/maven.log" 2>&1 ||
    { tail -n 20 "$LOGS/maven.log" >&2; die "maven could not fetch $(basename "$(dirname "$pom")") (log: $LOGS/maven.log)"; }
  mv "$dest.tmp" "$dest"
}

mkdir -p "$LOGS" "$RUN" "$CACHE"
