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

need_go() { need go "install Go 1.25 or newer from https://go.dev/dl (Debian's golang-go 1.19 is too old to build the Temporal CLI)"; }
need_java() { need java "install a JDK 17, e.g. apt-get install -y openjdk-17-jdk-headless"; }
need_mvn() { need mvn "install Maven, e.g. apt-get install -y maven"; }

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
  owner=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1) || true
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

# wait_for <description> <timeout-seconds> <log-file> <command...>: polls the command until it
# succeeds, never sleeps blind. With WATCH=<name> it gives up as soon as that server exits.
wait_for() {
  local what=$1 timeout=$2 logfile=$3
  shift 3
  "$@" >/dev/null 2>&1 && return 0
  log "$what: waiting until ready (up to ${timeout} s)"
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [[ -n ${WATCH:-} ]] && ! is_running "$WATCH"; then
      echo "[infra] error: $what exited while starting; see $logfile, last lines:" >&2
      tail -n 30 "$logfile" >&2 || true
      exit 1
    fi
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

# cache_locked <entry> <command...>: one provisioning of a cache entry at a time. A second clone
# (a CI run beside a developer's stack) waits for the first one's build or download instead of
# repeating it into the same folder; the command checks again whether the entry is there now.
cache_locked() {
  local entry=$1
  shift
  (
    flock -n 9 || { log "waiting for another provisioning of $entry to finish"; flock 9; }
    "$@"
  ) 9>"$CACHE/.$entry.lock"
}

# maven_copy <description> <pom> <dest> [maven args]: Maven copies a dependency list into a
# cache folder; the rename at the end makes it all-or-nothing.
maven_copy() {
  local what=$1 pom=$2 dest=$3
  shift 3
  [[ -d $dest ]] && return 0
  need_java
  need_mvn
  log "downloading $what from Maven Central (first time only)"
  local mvn_log
  mvn_log="$LOGS/maven-$(basename "$(dirname "$dest")").log"
  rm -rf "$dest.tmp"
  mvn -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$dest.tmp" "$@" >"$mvn_log" 2>&1 ||
    { tail -n 20 "$mvn_log" >&2; die "maven could not fetch $what (log: $mvn_log)"; }
  mv "$dest.tmp" "$dest"
}

mkdir -p "$LOGS" "$RUN" "$CACHE"
