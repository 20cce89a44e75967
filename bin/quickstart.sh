#!/usr/bin/env bash
# Quick start: the classic Kafka Connect file demo, on Tributary. Starts the local Kafka broker
# and a standalone Tributary worker running config/connect-file-source.properties and
# config/connect-file-sink.properties, shows the lines of test.txt arriving in test.sink.txt
# through the connect-test topic, and leaves both running for you to explore.
#
#   bin/quickstart.sh          run it (again: it picks up where it left off)
#   bin/quickstart.sh stop     stop the worker and the broker
#
# QUICKSTART_REST_PORT (default 8083) and bin/kafka-local.sh's KAFKA_LOCAL_* variables apply.
set -euo pipefail

BIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=kafka-local/lib.sh
source "$BIN_DIR/kafka-local/lib.sh"

KAFKA_PORT="${KAFKA_LOCAL_PORT:-9092}"
REST_PORT="${QUICKSTART_REST_PORT:-8083}"
REST="http://localhost:$REST_PORT"
WORK_DIR="$TRIBUTARY_HOME/.local/quickstart"
PID_FILE="$WORK_DIR/worker.pid"
INPUT="$WORK_DIR/test.txt"
OUTPUT="$WORK_DIR/test.sink.txt"

step() { echo; echo "==> $*"; }
fail() { echo "quickstart: error: $*" >&2; exit 1; }

worker_running() { [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

stop_all() {
  if worker_running; then
    local pid; pid="$(cat "$PID_FILE")"
    echo "quickstart: stopping the Tributary worker (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$PID_FILE"
  "$BIN_DIR/kafka-local.sh" stop
}

lines_in() { [[ -f "$1" ]] && wc -l <"$1" || echo 0; }

# Waits until the sink file has as many lines as the source file, then checks they are equal.
await_sink() {
  local want; want="$(lines_in "$INPUT")"
  for _ in $(seq 1 120); do
    [[ "$(lines_in "$OUTPUT")" -ge "$want" ]] && break
    worker_running || fail "the worker stopped; see $WORK_DIR/logs/connectStandalone.out"
    sleep 0.5
  done
  diff -q "$INPUT" "$OUTPUT" >/dev/null ||
    fail "test.sink.txt does not match test.txt after 60 s; see $WORK_DIR/logs/connect.log"
}

if [[ "${1:-}" == "stop" ]]; then
  stop_all
  exit 0
fi

step "Starting the local Kafka broker on localhost:$KAFKA_PORT"
"$BIN_DIR/kafka-local.sh" start

mkdir -p "$WORK_DIR/logs"
if [[ ! -f "$INPUT" ]]; then
  printf '%s\n' "Hello from Tributary" "Every line of test.txt becomes a record in the connect-test topic" \
    "and every record comes back as a line of test.sink.txt" "unicode survives the trip: żółw, 川, ☕" >"$INPUT"
fi

# The shipped samples, with files and offsets kept under .local/quickstart.
sed -e "s#^bootstrap.servers=.*#bootstrap.servers=localhost:$KAFKA_PORT#" \
    -e "s#^offset.storage.file.filename=.*#offset.storage.file.filename=$WORK_DIR/connect.offsets#" \
    -e "s#^offset.flush.interval.ms=.*#offset.flush.interval.ms=1000#" \
    -e "s@^\#listeners=.*@listeners=http://:$REST_PORT@" \
    "$TRIBUTARY_HOME/config/connect-standalone.properties" >"$WORK_DIR/connect-standalone.properties"
sed -e "s#^file=.*#file=$INPUT#" "$TRIBUTARY_HOME/config/connect-file-source.properties" >"$WORK_DIR/connect-file-source.properties"
sed -e "s#^file=.*#file=$OUTPUT#" "$TRIBUTARY_HOME/config/connect-file-sink.properties" >"$WORK_DIR/connect-file-sink.properties"

if worker_running; then
  step "The Tributary worker is already running (pid $(cat "$PID_FILE"))"
else
  kl_port_in_use "$REST_PORT" &&
    fail "port $REST_PORT is already in use (another Connect worker?); stop it or set QUICKSTART_REST_PORT"
  step "Starting a standalone Tributary worker with the file source and sink samples"
  # The launcher execs java, so the background process's pid is the worker's own.
  (cd "$WORK_DIR" && LOG_DIR="$WORK_DIR/logs" exec nohup "$BIN_DIR/connect-standalone.sh" \
      connect-standalone.properties connect-file-source.properties connect-file-sink.properties) \
      >"$WORK_DIR/logs/connectStandalone.out" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 240); do
    curl -sf "$REST/" >/dev/null 2>&1 && break
    worker_running || fail "the worker exited during startup; see $WORK_DIR/logs/connectStandalone.out"
    sleep 0.5
  done
  curl -sf "$REST/" >/dev/null || fail "the worker's REST API did not come up at $REST"
fi
echo "REST API: $(curl -s "$REST/")"

step "Waiting for test.txt to arrive in test.sink.txt"
await_sink
echo "OK: all $(lines_in "$OUTPUT") lines arrived, identical:"
sed 's/^/    /' "$OUTPUT"

step "Appending a line to test.txt while it runs"
echo "appended at $(date '+%H:%M:%S')" >>"$INPUT"
await_sink
echo "OK: it arrived too: $(tail -n 1 "$OUTPUT")"

cat <<EOF

The broker (localhost:$KAFKA_PORT) and the worker ($REST) keep running. Try:
  curl -s '$REST/connectors?expand=status'             # connectors and their tasks
  curl -s $REST/connectors/local-file-source/config    # a connector's configuration
  curl -s -X PUT $REST/connectors/local-file-source/pause
  curl -s $REST/connector-plugins                      # installed connector plugins
  echo "more text" >> $INPUT    # then look at $OUTPUT
  tail -f $WORK_DIR/logs/connect.log
Stop everything with: bin/quickstart.sh stop
EOF
