#!/usr/bin/env bash
# Runs a real Apache Kafka 4.1.1 broker (KRaft, broker and controller in one process) on this
# machine for development: bin/kafka-local.sh start|stop|status
#
# Environment:
#   KAFKA_LOCAL_PORT             client port (default 9092)
#   KAFKA_LOCAL_CONTROLLER_PORT  KRaft controller port (default 9093)
#   KAFKA_LOCAL_DATA_DIR         data, config, pid file and log (default <repo>/.local/kafka-data)
#   KAFKA_HEAP_OPTS              JVM heap options (default -Xms256m -Xmx512m)
#   KAFKA_LOCAL_START_TIMEOUT    seconds to wait for the broker to answer (default 60)
#   KAFKA_LOCAL_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL (default 30)
#   KAFKA_LOCAL_EXTRA_LISTENERS  more listeners, comma separated, each named after its security
#                                protocol, e.g. SASL_SSL://localhost:9094 (PLAINTEXT stays for
#                                the readiness check and between broker and controller)
#   KAFKA_LOCAL_EXTRA_CONFIG     a properties file appended to the written server.properties, e.g.
#                                the SSL and SASL settings of those listeners
#   TRIBUTARY_HOME               where .local/ lives (default: the repository root)
set -euo pipefail

# shellcheck source=kafka-local/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/kafka-local/lib.sh"

PORT="${KAFKA_LOCAL_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_LOCAL_CONTROLLER_PORT:-9093}"
DATA_DIR="${KAFKA_LOCAL_DATA_DIR:-$TRIBUTARY_HOME/.local/kafka-data}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
START_TIMEOUT="${KAFKA_LOCAL_START_TIMEOUT:-60}"
STOP_TIMEOUT="${KAFKA_LOCAL_STOP_TIMEOUT:-30}"
EXTRA_LISTENERS="${KAFKA_LOCAL_EXTRA_LISTENERS:-}"
EXTRA_CONFIG="${KAFKA_LOCAL_EXTRA_CONFIG:-}"

PID_FILE="$DATA_DIR/kafka.pid"
LOG_FILE="$DATA_DIR/logs/kafka.log"
CONFIG_FILE="$DATA_DIR/server.properties"
RUN_FILE="$DATA_DIR/run.env"
FORMAT_FILE="$DATA_DIR/format.env"
LOG_DIRS="$DATA_DIR/kraft-logs"

usage() {
  echo "usage: $(basename "$0") start|stop|status" >&2
  exit 2
}

# True while the process exists and is not a zombie waiting for a parent to reap it.
alive() {
  kill -0 "$1" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]
}

# The pid of our broker if it is alive; a pid file left by a dead or unrelated process is removed.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" &&
     tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$CONFIG_FILE"; then
    echo "$pid"
    return 0
  fi
  rm -f "$PID_FILE"
  return 1
}

# The client port the running broker was started with (it may differ from KAFKA_LOCAL_PORT now).
running_port() {
  if [[ -f "$RUN_FILE" ]]; then
    sed -n 's/^PORT=//p' "$RUN_FILE"
  else
    echo "$PORT"
  fi
}

check_port_free() {
  local port="$1" what="$2"
  if kl_port_in_use "$port"; then
    kl_fail "$what port $port is already in use by another process; free it or choose another port with $3 (who has it: ss -ltnp 'sport = :$port')"
  fi
}

write_config() {
  mkdir -p "$DATA_DIR/logs" "$LOG_DIRS"
  local listeners="PLAINTEXT://localhost:$PORT,CONTROLLER://localhost:$CONTROLLER_PORT"
  local protocols="PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
  local listener
  if [[ -n "$EXTRA_LISTENERS" ]]; then
    IFS=',' read -ra extra <<<"$EXTRA_LISTENERS"
    for listener in "${extra[@]}"; do
      [[ "$listener" =~ ^([A-Z_]+)://[^:]*:[0-9]+$ ]] ||
        kl_fail "KAFKA_LOCAL_EXTRA_LISTENERS: '$listener' is not PROTOCOL://host:port"
      listeners="$listeners,$listener"
      protocols="$protocols,${BASH_REMATCH[1]}:${BASH_REMATCH[1]}"
    done
  fi
  cat >"$CONFIG_FILE" <<EOF
# Written by bin/kafka-local.sh on every start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:$CONTROLLER_PORT
listeners=$listeners
advertised.listeners=$listeners
listener.security.protocol.map=$protocols
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$LOG_DIRS
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  if [[ -n "$EXTRA_CONFIG" ]]; then
    [[ -r "$EXTRA_CONFIG" ]] || kl_fail "KAFKA_LOCAL_EXTRA_CONFIG: cannot read $EXTRA_CONFIG"
    { echo "# From $EXTRA_CONFIG"; cat "$EXTRA_CONFIG"; } >>"$CONFIG_FILE"
  fi
}

# Formats the storage once as a standalone (single-voter) KRaft quorum. The controller's
# address is recorded in the metadata log, so later starts must keep the same controller port.
format_storage_once() {
  if [[ -f "$FORMAT_FILE" ]]; then
    local formatted_port
    formatted_port="$(sed -n 's/^CONTROLLER_PORT=//p' "$FORMAT_FILE")"
    if [[ "$formatted_port" != "$CONTROLLER_PORT" ]]; then
      kl_fail "$DATA_DIR was formatted for controller port $formatted_port, not $CONTROLLER_PORT; set KAFKA_LOCAL_CONTROLLER_PORT=$formatted_port or delete $DATA_DIR"
    fi
    return 0
  fi
  local cluster_id
  cluster_id="$(kl_run_tool kafka.tools.StorageTool random-uuid)"
  kl_say "formatting $LOG_DIRS (cluster id $cluster_id)"
  kl_run_tool kafka.tools.StorageTool format --standalone --cluster-id "$cluster_id" \
    --config "$CONFIG_FILE" >>"$LOG_FILE" 2>&1 ||
    kl_fail "formatting the storage failed; see $LOG_FILE"
  printf 'CLUSTER_ID=%s\nCONTROLLER_PORT=%s\n' "$cluster_id" "$CONTROLLER_PORT" >"$FORMAT_FILE"
}

# True once the broker answers an admin request on the client port.
broker_answers() {
  kl_port_in_use "$PORT" || return 1
  local admin_config="$DATA_DIR/readiness-admin.properties"
  printf 'request.timeout.ms=3000\ndefault.api.timeout.ms=5000\n' >"$admin_config"
  kl_run_tool org.apache.kafka.tools.ClusterTool cluster-id \
    --bootstrap-server "localhost:$PORT" --config "$admin_config" >/dev/null 2>&1
}

start() {
  local pid
  if pid="$(running_pid)"; then
    kl_say "already running (pid $pid, port $(running_port))"
    return 0
  fi
  local java
  java="$(kl_java)"
  check_port_free "$PORT" "client" KAFKA_LOCAL_PORT
  check_port_free "$CONTROLLER_PORT" "controller" KAFKA_LOCAL_CONTROLLER_PORT
  kl_ensure_libs
  write_config
  format_storage_once

  local started_at=$SECONDS
  # shellcheck disable=SC2086 # the heap options are several words on purpose
  nohup "$java" $HEAP_OPTS -XX:+UseG1GC -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$KAFKA_LOCAL_BIN_DIR/log4j2.properties" \
    -cp "$KAFKA_LOCAL_LIBS/*" kafka.Kafka "$CONFIG_FILE" </dev/null >>"$LOG_FILE" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_FILE"
  printf 'PORT=%s\nCONTROLLER_PORT=%s\n' "$PORT" "$CONTROLLER_PORT" >"$RUN_FILE"

  until broker_answers; do
    if ! alive "$pid"; then
      rm -f "$PID_FILE"
      kl_fail "the broker exited during startup; see $LOG_FILE"
    fi
    if (( SECONDS - started_at >= START_TIMEOUT )); then
      kl_fail "the broker (pid $pid) did not answer on port $PORT within ${START_TIMEOUT}s; see $LOG_FILE (stop it with: $0 stop)"
    fi
    sleep 0.5
  done
  kl_say "started (pid $pid, port $PORT) in $(( SECONDS - started_at ))s; log: $LOG_FILE"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    kl_say "not running"
    return 0
  fi
  kl_say "stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(( SECONDS + STOP_TIMEOUT ))
  while alive "$pid" && (( SECONDS < deadline )); do
    sleep 0.2
  done
  if alive "$pid"; then
    kl_say "still running after ${STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid"; do
      sleep 0.1
    done
  fi
  rm -f "$PID_FILE" "$RUN_FILE"
  kl_say "stopped"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    kl_say "running (pid $pid, port $(running_port))"
    return 0
  fi
  kl_say "stopped"
  return 3
}

[[ $# -eq 1 ]] || usage
case "$1" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
