# Functions of bin/connect-outage-bench.sh, sourced after bin/bench/lib.sh: one runtime at a time runs a
# file pipeline on a broker of its own, which is stopped with a signal and started again on the same data.
# Results go to $RUN_DIR/<runtime>-SIG<signal>.env as KEY=value lines.

OUTAGE_SOURCE=outage-source
OUTAGE_SINK=outage-sink

# Sleeps until the epoch ms given (at once if that has passed).
sleep_until() {
  local left=$(( $1 - $(now_ms) ))
  ((left > 0)) || return 0
  sleep "$(awk -v ms="$left" 'BEGIN {printf "%.3f", ms / 1000}')"
}

ms_as_seconds() { awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; }
# Seconds for ms after the restart, or that it did not happen within RECOVERY_TIMEOUT.
seconds_or_timeout() { if [[ -n "$1" ]]; then ms_as_seconds "$1"; else echo "not within $RECOVERY_TIMEOUT s"; fi; }

broker_running() { "$ROOT/bin/kafka-local.sh" status >/dev/null 2>&1; }

# Epoch ms of the broker's latest "Kafka Server started" log line (its clock is this machine's).
broker_started_ms() {
  local stamp
  stamp="$(grep 'Kafka Server started' "$KAFKA_LOCAL_DATA_DIR/logs/kafka.log" | tail -1 | cut -c2-24)"
  date -d "${stamp/,/.}" +%s%3N
}

# poll_connector_list PORT UNTIL FILE: GET /connectors about once a second, each allowed 2 s, until the
# epoch ms UNTIL; one line per request in FILE: the status code (000: no answer within 2 s) and its ms.
poll_connector_list() {
  local port="$1" until="$2" file="$3" started code
  while (($(now_ms) < until)); do
    started="$(now_ms)"
    code="$(http_code -m 2 "http://localhost:$port/connectors")"
    echo "$code $(($(now_ms) - started))" >>"$file"
    sleep_until $((started + 1000))
  done
}

# The state of a connector and then of each of its tasks ("RUNNING/RUNNING"), "none" when the worker
# does not know it, "no answer" when its status did not come within 2 s.
connector_states() {
  local body states
  body="$(curl -s -f -m 2 "http://localhost:$1/connectors/$2/status")" || { echo "no answer"; return 0; }
  states="$(grep -o '"state":"[A-Z_]*"' <<<"$body" | cut -d'"' -f4 | paste -sd/)"
  echo "${states:-none}"
}

# wait_for_last_line SINK SIZE LAST_LINE RESTART_MS DEADLINE_MS: polls every 100 ms until the sink file
# ends with LAST_LINE (one partition and one sink task keep the order, so then every line has arrived),
# the worker exits, or the deadline. Sets FIRST_LINE_MS (the file first grew beyond SIZE bytes) and
# LAST_LINE_MS, both in ms after RESTART_MS, or empty when not seen.
wait_for_last_line() {
  local sink="$1" size_before="$2" last_line="$3" restart_ms="$4" deadline="$5" now
  FIRST_LINE_MS=""
  LAST_LINE_MS=""
  while :; do
    now="$(now_ms)"
    if [[ -z "$FIRST_LINE_MS" ]] && (($(stat -c %s "$sink") > size_before)); then
      FIRST_LINE_MS=$((now - restart_ms))
    fi
    if [[ "$(tail -n 1 "$sink")" == "$last_line" ]]; then
      LAST_LINE_MS=$((now - restart_ms))
      return 0
    fi
    ((now < deadline)) && kill -0 "$WORKER_PID" 2>/dev/null || return 0
    sleep 0.1
  done
}

# wait_for_running PORT RESTART_MS DEADLINE_MS: reads both connectors' states every second until all are
# RUNNING with at least one task each, or the deadline (at least once). Sets STATES and RUNNING_MS (ms
# after RESTART_MS when all were RUNNING, or empty).
wait_for_running() {
  local port="$1" restart_ms="$2" deadline="$3" source_states sink_states
  RUNNING_MS=""
  while :; do
    if ! kill -0 "$WORKER_PID" 2>/dev/null; then
      STATES="the worker exited"
      return 0
    fi
    source_states="$(connector_states "$port" "$OUTAGE_SOURCE")"
    sink_states="$(connector_states "$port" "$OUTAGE_SINK")"
    STATES="source $source_states, sink $sink_states"
    if [[ "$source_states" =~ ^RUNNING(/RUNNING)+$ && "$sink_states" =~ ^RUNNING(/RUNNING)+$ ]]; then
      RUNNING_MS=$(($(now_ms) - restart_ms))
      return 0
    fi
    (($(now_ms) < deadline)) || return 0
    sleep 1
  done
}

# Sends the signal to the broker and waits (60 s at most, then SIGKILL) until its process is gone.
stop_broker_with() {
  local signal="$1" pid deadline=$((SECONDS + 60))
  pid="$(cat "$KAFKA_LOCAL_DATA_DIR/kafka.pid")"
  kill "-$signal" "$pid"
  while broker_running; do
    if ((SECONDS >= deadline)); then
      bench_say "the broker is still running 60 s after SIG$signal; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.1
  done
}

# outage_case RUNTIME SIGNAL: a fresh broker and worker; LINES lines through file source -> topic -> file
# sink; the broker stopped with SIGNAL; LINES more lines appended to the source file while it is away;
# after OUTAGE_SECONDS the broker starts again on the same data, and the pipeline is watched until the
# last line is in the sink file and both connectors are RUNNING (RECOVERY_TIMEOUT at most for each).
outage_case() {
  local rt="$1" signal="$2" column="$1-SIG$2" port; port="$(rest_port "$rt")"
  local out="$RUN_DIR/$column.env" id="outage-$rt-$signal-$STAMP" props="$RUN_DIR/$column-worker.properties"
  local input="$RUN_DIR/$column-input.txt" sink="$RUN_DIR/$column-sink.txt" polls="$RUN_DIR/$column-polls.txt"
  local expected=$((2 * LINES)) last_line
  last_line="$(tail -n 1 "$RUN_DIR/input.txt")"
  : >"$out"
  : >"$polls"

  export KAFKA_LOCAL_DATA_DIR="$RUN_DIR/broker-$column"
  bench_say "$rt, SIG$signal: a fresh broker, a $MODE worker, $LINES lines through the pipeline"
  "$ROOT/bin/kafka-local.sh" start >>"$RUN_DIR/$column-broker.txt"
  write_worker_properties "$rt" "$props" "$id"
  create_topic "$id"
  head -n "$LINES" "$RUN_DIR/input.txt" >"$input"
  start_worker "$rt" "$props" "SIG$signal-worker"
  wait_healthy "$rt" "$port"
  run_file_pipeline "$port" "$OUTAGE_SOURCE" "$OUTAGE_SINK" "$input" "$id" "$sink" "$LINES" ||
    bench_fail "$rt: the sink file did not get the first $LINES lines; see $WORKER_LOG"

  bench_say "$rt, SIG$signal: broker down for ${OUTAGE_SECONDS}s while $LINES more lines are appended"
  local signal_ms restart_due poller
  signal_ms="$(now_ms)"
  restart_due=$((signal_ms + OUTAGE_SECONDS * 1000))
  poll_connector_list "$port" "$restart_due" "$polls" &
  poller=$!
  stop_broker_with "$signal"
  echo "broker_exit_s=$(ms_as_seconds $(($(now_ms) - signal_ms)))" >>"$out"
  tail -n +$((LINES + 1)) "$RUN_DIR/input.txt" >>"$input"
  sleep_until "$restart_due"

  # The sink is watched from the restart on: kafka-local.sh's own readiness check (a JVM a try) may return
  # after the pipeline has resumed, so the broker's start is read from its log instead.
  local restart_ms starter size_before deadline
  size_before="$(stat -c %s "$sink")"
  restart_ms="$(now_ms)"
  deadline=$((restart_ms + RECOVERY_TIMEOUT * 1000))
  "$ROOT/bin/kafka-local.sh" start >>"$RUN_DIR/$column-broker.txt" &
  starter=$!
  wait_for_last_line "$sink" "$size_before" "$last_line" "$restart_ms" "$deadline"
  wait "$starter" || bench_fail "the broker did not start again; see $KAFKA_LOCAL_DATA_DIR/logs/kafka.log"
  echo "broker_started_s=$(ms_as_seconds $(($(broker_started_ms) - restart_ms)))" >>"$out"
  echo "outage_s=$(ms_as_seconds $((restart_ms - signal_ms)))" >>"$out"
  wait "$poller" || true
  echo "polls=$(grep -c '^200 ' "$polls" || true) of $(wc -l <"$polls")" >>"$out"
  echo "first_line_s=$(seconds_or_timeout "$FIRST_LINE_MS")" >>"$out"
  echo "recovery_s=$(seconds_or_timeout "$LAST_LINE_MS")" >>"$out"
  wait_for_running "$port" "$restart_ms" "$deadline"
  echo "states=$STATES" >>"$out"
  echo "running_s=$(seconds_or_timeout "$RUNNING_MS")" >>"$out"

  # Lines a sink re-delivers after the last one would count too: give it a moment before stopping it.
  sleep 3
  bench_stop_worker
  count_delivery "$input" "$sink" "$out"
  echo "topic_records=$(kafka_tool end-offset "localhost:$BROKER_PORT" "$id") / $expected" >>"$out"
  if [[ "${EXACTLY_ONCE:-false}" == true ]]; then
    local committed records distinct
    read -r records distinct committed <<<"$(kafka_tool committed-lines "localhost:$BROKER_PORT" "$id")"
    echo "committed_records=$records ($distinct distinct) / $expected" >>"$out"
    echo "committed_duplicates=$committed" >>"$out"
  fi
  "$ROOT/bin/kafka-local.sh" stop >>"$RUN_DIR/$column-broker.txt"
  rm -rf "$KAFKA_LOCAL_DATA_DIR/kraft-logs"
  bench_say "$rt, SIG$signal: $(tr '\n' ' ' <"$out")"
}

# count_delivery INPUT SINK ENV: lines in the sink against the input's (every input line is distinct).
count_delivery() {
  local input="$1" sink="$2" out="$3" delivered distinct missing foreign
  delivered="$(wc -l <"$sink")"
  LC_ALL=C sort -u "$sink" >"$sink.distinct"
  distinct="$(wc -l <"$sink.distinct")"
  missing="$(LC_ALL=C sort "$input" | LC_ALL=C comm -23 - "$sink.distinct" | wc -l)"
  foreign="$(LC_ALL=C sort "$input" | LC_ALL=C comm -13 - "$sink.distinct" | wc -l)"
  rm -f "$sink.distinct"
  echo "lines=$delivered / $(wc -l <"$input")$( ((foreign == 0)) || echo " ($foreign not in the input)")" >>"$out"
  echo "duplicates=$((delivered - distinct))" >>"$out"
  echo "missing=$missing" >>"$out"
}

outage_print_table() {
  local rows=(
    "lines in the sink file / expected|lines"
    "duplicates (copies of a line beyond the first)|duplicates"
    "missing lines|missing"
    "records in the topic / expected|topic_records"
    "outage, signal to restart (s)|outage_s"
    "broker process gone after the signal (s)|broker_exit_s"
    "GET /connectors during the outage, 200 within 2 s|polls"
    "broker started after the restart, by its log (s)|broker_started_s"
    "first new line in the sink after the restart (s)|first_line_s"
    "recovery: restart to the last line in the sink (s)|recovery_s"
    "connector/task states after the restart|states"
    "all RUNNING after the restart (s)|running_s"
  )
  if [[ "${EXACTLY_ONCE:-false}" == true ]]; then
    rows+=(
      "read_committed: records in the topic / expected|committed_records"
      "read_committed: duplicates in the topic|committed_duplicates"
    )
  fi
  bench_table rows false "$@"
}
