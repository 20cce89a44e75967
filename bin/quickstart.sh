#!/usr/bin/env bash
# Quick start: brings up the local Kafka broker, sends the lines of a small file through a new
# topic with Apache's console producer, reads them back with the console consumer and checks
# they match. The broker is left running for you to play with.
#
# Honours the same environment as bin/kafka-local.sh (KAFKA_LOCAL_PORT, KAFKA_LOCAL_DATA_DIR, ...).
set -euo pipefail

BIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=kafka-local/lib.sh
source "$BIN_DIR/kafka-local/lib.sh"

PORT="${KAFKA_LOCAL_PORT:-9092}"
BOOTSTRAP="localhost:$PORT"
WORK_DIR="$TRIBUTARY_HOME/.local/quickstart"
# A fresh topic each run, so reading "from the beginning" sees only this run's lines.
TOPIC="quickstart-$(date +%Y%m%d-%H%M%S)"
INPUT="$WORK_DIR/input.txt"
OUTPUT="$WORK_DIR/output.txt"

step() { echo; echo "==> $*"; }

step "Starting the local Kafka broker"
"$BIN_DIR/kafka-local.sh" start

mkdir -p "$WORK_DIR"
cat >"$INPUT" <<'EOF'
Tributary quick start
a line with    spaces and a tab	here
unicode: żółw, 川, ☕
the last line
EOF
line_count="$(wc -l <"$INPUT")"

step "Creating topic $TOPIC"
kl_run_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" \
  --create --topic "$TOPIC" --partitions 1 --replication-factor 1

step "Producing $line_count lines from $INPUT"
kl_run_tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$BOOTSTRAP" \
  --topic "$TOPIC" --sync <"$INPUT"

step "Consuming them back"
kl_run_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BOOTSTRAP" \
  --topic "$TOPIC" --from-beginning --max-messages "$line_count" --timeout-ms 30000 >"$OUTPUT"

if diff -u "$INPUT" "$OUTPUT"; then
  step "OK: the $line_count lines came back unchanged (see $OUTPUT)"
else
  echo "quickstart: the consumed lines differ from the produced ones (diff above)" >&2
  exit 1
fi

cat <<EOF

The broker is still running on $BOOTSTRAP. Things to try next:
  bin/kafka-local.sh status        is it running, on which pid and port
  bin/kafka-local.sh stop          stop it (start again with bin/kafka-local.sh start)
  tail -f ${KAFKA_LOCAL_DATA_DIR:-$TRIBUTARY_HOME/.local/kafka-data}/logs/kafka.log
Point any Kafka client at bootstrap.servers=$BOOTSTRAP.
EOF
