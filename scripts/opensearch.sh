#!/usr/bin/env bash
# A local OpenSearch 2.19 node for the `opensearch` search engine: the same node on a developer's
# machine (`make opensearch`) and in CI's services pass. Built from Maven Central artifacts only
# (tools/opensearch-node/: OpenSearch server + netty4, analysis-common and painless modules, started
# in one JVM by a small launcher; the distribution's bootstrap refuses to run as root).
#
#   bash scripts/opensearch.sh start    build if needed, start, wait for health yellow (idempotent:
#                                       a node already answering on the port is left alone)
#   bash scripts/opensearch.sh stop     stop the node this script started (pid file)
#   bash scripts/opensearch.sh status   exit 0 and describe the node when one answers, else exit 3
#
# Listens on 127.0.0.1:$OPENSEARCH_PORT (9200), transport 127.0.0.1:$OPENSEARCH_TRANSPORT_PORT (9300).
# Data, logs and the pid file live in $OPENSEARCH_HOME (var/opensearch); heap $OPENSEARCH_HEAP (1g).
# Exits non-zero with the log's tail when the node cannot be built or started: CI must fail, not skip.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${OPENSEARCH_PORT:-9200}
TRANSPORT_PORT=${OPENSEARCH_TRANSPORT_PORT:-9300}
HOME_DIR=${OPENSEARCH_HOME:-$ROOT/var/opensearch}
HEAP=${OPENSEARCH_HEAP:-1g}
WAIT_SECONDS=${OPENSEARCH_WAIT_SECONDS:-180}
MODULE=$ROOT/tools/opensearch-node
PID_FILE=$HOME_DIR/node.pid
LOG_FILE=$HOME_DIR/node.log
URL=http://127.0.0.1:$PORT

started_ns=$(date +%s%N)
launched_ns=""
say() { printf 'opensearch: %s\n' "$*"; }
elapsed() {
  local ms=$((($(date +%s%N) - ${1:-$started_ns}) / 1000000))
  printf '%d.%01d' $((ms / 1000)) $((ms % 1000 / 100))
}
log_tail() {
  if [ -f "$LOG_FILE" ]; then
    printf -- '--- last lines of %s ---\n' "$LOG_FILE" >&2
    tail -n 40 "$LOG_FILE" >&2
  fi
}
fail() {
  printf 'opensearch: FAILED: %s\n' "$*" >&2
  exit 1
}

answers() { curl -sf -m 2 "$URL/" >/dev/null 2>&1; }
node_pid() {
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid=$(cat "$PID_FILE" 2>/dev/null)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
version() {
  curl -sf -m 5 "$URL/" | python3 -c 'import json, sys; v = json.load(sys.stdin)["version"]; print(v["distribution"], v["number"], "(lucene " + v["lucene_version"] + ")")' 2>/dev/null
}
rss() {
  # Resident memory of the node's JVM, when this script started it.
  local pid kb
  pid=$(node_pid) || { echo "unknown (not started by this script)"; return; }
  kb=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ')
  [ -n "$kb" ] && echo "$((kb / 1024)) MiB (pid $pid)" || echo unknown
}
describe() {
  say "version: $(version || echo unknown), $URL"
  say "resident memory: $(rss)"
}

ensure_tools() {
  local missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} = 0 ] && return
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || fail "missing ${missing[*]}: install them (Java 17 and Maven)"
  say "installing ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
}

build() {
  # Maven downloads once into ~/.m2; a build is skipped while its output is newer than its sources.
  local stamp=$MODULE/target/.built
  if [ -f "$stamp" ] && [ -z "$(find "$MODULE/pom.xml" "$MODULE/src" -newer "$stamp" -type f 2>/dev/null)" ]; then
    return
  fi
  say "building tools/opensearch-node (Maven; artifacts cached in ~/.m2)"
  local out
  if ! out=$(mvn -q -B -f "$MODULE/pom.xml" package 2>&1); then
    printf '%s\n' "$out" | tail -n 40 >&2
    fail "mvn package of tools/opensearch-node failed"
  fi
  touch "$stamp"
}

start() {
  if answers; then
    say "already answering on $URL: left alone"
    describe
    return 0
  fi
  if pid=$(node_pid); then
    say "pid $pid from $PID_FILE is alive but $URL does not answer: waiting for it"
  else
    ensure_tools
    build
    mkdir -p "$HOME_DIR"
    : >"$LOG_FILE"
    say "starting on $URL (heap $HEAP, home $HOME_DIR)"
    launched_ns=$(date +%s%N)
    # setsid: the node outlives this script and its terminal; the shell writes its own pid and
    # becomes the JVM (exec), so the pid file names the JVM.
    setsid sh -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
      java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
      -Dlog4j2.formatMsgNoLookups=true -Dlog4j.shutdownHookEnabled=false \
      -cp "$MODULE/target/classes:$MODULE/target/lib/*" org.sherloc.opensearch.NodeLauncher \
      "$HOME_DIR" "$PORT" "$TRANSPORT_PORT" </dev/null >>"$LOG_FILE" 2>&1 &
    sleep 0.5
  fi
  local deadline=$(($(date +%s) + WAIT_SECONDS))
  until curl -sf -m 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1; do
    if ! node_pid >/dev/null; then
      log_tail
      fail "the node exited during start-up (log: $LOG_FILE)"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      log_tail
      fail "no health yellow on $URL after ${WAIT_SECONDS}s (log: $LOG_FILE)"
    fi
    sleep 1
  done
  say "health yellow: node start ${launched_ns:+$(elapsed "$launched_ns")s, }total $(elapsed)s"
  describe
}

stop() {
  local pid
  if ! pid=$(node_pid); then
    rm -f "$PID_FILE"
    if answers; then
      say "a node answers on $URL but was not started by this script: left alone"
    else
      say "not running"
    fi
    return 0
  fi
  say "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still alive after 30s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$PID_FILE"
  say "stopped after $(elapsed)s"
}

status() {
  if answers; then
    say "up"
    describe
    return 0
  fi
  say "down ($URL does not answer)"
  return 3
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*)
  echo "usage: $0 start|stop|status" >&2
  exit 2
  ;;
esac
