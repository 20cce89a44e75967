# Functions of `bin/connect-bench.sh --scenario scale`, sourced after bin/bench/lib.sh: many file source
# connectors created on one distributed worker, then more workers joining the group. One runtime at a time,
# each with a group and topics of its own, on the shared broker. Results go to $RUN_DIR/<runtime>.env.
# Needs CONNECTORS, WORKERS and CONCURRENT (connectors created at once in a group of their own; 0: none).

SCALE_PIDS=()
SCALE_CREATE_TIMEOUT=900
SCALE_JOIN_TIMEOUT=600
# After the last change the group may still run a rebalance or two that the change caused; the figures
# that follow (generations, RSS, threads) are read once no new generation came for this long.
SCALE_SETTLE_SECONDS=5

# Worker I (1-based) of a runtime listens on REST port base + 2 (I - 1), Apache's one above Tributary's, so
# worker 1 has the port of the other scenarios.
scale_port() { echo $(( $(rest_port "$1") + 2 * ($2 - 1) )); }
scale_url() { echo "http://localhost:$(scale_port "$1" "$2")"; }
# The ids the workers report in statuses: their advertised host and port.
scale_worker_ids() {
  local rt="$1" count="$2" i ids=()
  for ((i = 1; i <= count; i++)); do ids+=("localhost:$(scale_port "$rt" "$i")"); done
  (IFS=,; echo "${ids[*]}")
}

scale_check_ports() {
  local rt i port
  for rt in "$@"; do
    for ((i = 1; i <= WORKERS; i++)); do
      port="$(scale_port "$rt" "$i")"
      (source "$ROOT/bin/kafka-local/lib.sh" && ! kl_port_in_use "$port") ||
        bench_fail "port $port (worker $i of $rt) is in use; set BENCH_REST_PORT to move the workers' ports"
    done
  done
}

# scale_start_worker RUNTIME I PROPS LOG: worker I of the group in PROPS, on its own REST port; its pid is kept
# in SCALE_PIDS (and WORKER_PID, WORKER_LOG, for lib.sh's wait_healthy).
scale_start_worker() {
  local rt="$1" i="$2" props="$3" log="$4"
  local own="${props%.properties}-$i.properties"
  sed "s|^listeners=.*|listeners=http://localhost:$(scale_port "$rt" "$i")|" "$props" >"$own"
  start_worker "$rt" "$own" "$log"
  SCALE_PIDS+=("$WORKER_PID")
}

# Stops every worker started: SIGTERM to all at once, then SIGKILL to those still there after 60 s.
scale_stop_workers() {
  local pid deadline=$((SECONDS + 60))
  for pid in "${SCALE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SCALE_PIDS[@]}"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SCALE_PIDS=()
  WORKER_PID=""
}

scale_cleanup() {
  scale_stop_workers
  bench_cleanup
}

# The latest generation of GROUP by the broker's group coordinator ("Stabilized group G generation N with M
# members"), and how many members it had: "N M", or "0 0" before the first. Both runtimes are counted the same
# way, by the broker, whatever their own logs say.
group_generation() {
  local line
  line="$(grep -F "Stabilized group $1 generation " "$KAFKA_LOCAL_DATA_DIR/logs/kafka.log" | tail -1)"
  [[ -n "$line" ]] || { echo "0 0"; return 0; }
  sed -E 's/.* generation ([0-9]+) with ([0-9]+) members.*/\1 \2/' <<<"$line"
}

# wait_group_stable GROUP MEMBERS: until the group's latest generation has MEMBERS members and no new one came
# for SCALE_SETTLE_SECONDS (120 s at most, then a warning), so that rebalances still under way are counted with
# the step that caused them and not with the next.
wait_group_stable() {
  local group="$1" members="$2" deadline=$((SECONDS + 120)) last="" since="$SECONDS" now
  while ((SECONDS < deadline)); do
    now="$(group_generation "$group")"
    if [[ "$now" != "$last" ]]; then last="$now"; since="$SECONDS"; fi
    [[ "${now#* }" == "$members" ]] && ((SECONDS - since >= SCALE_SETTLE_SECONDS)) && return 0
    sleep 0.5
  done
  bench_say "warning: group $group did not settle with $members member(s) within 120 s (generation, members: $last)"
}

generation_number() { local g; g="$(group_generation "$1")"; echo "${g% *}"; }

# The input: a file of 10 numbered lines per connector, named as the connector (PREFIX-0001.txt, ...).
scale_inputs() {
  local prefix="$1" count="$2" dir="$RUN_DIR/scale-input" i
  mkdir -p "$dir"
  [[ -f "$dir/ten-lines.txt" ]] || java -cp "$BENCH_CLASSES" BenchTool gen "$dir/ten-lines.txt" 10
  for ((i = 1; i <= count; i++)); do cp "$dir/ten-lines.txt" "$dir/$(printf '%s-%04d' "$prefix" "$i").txt"; done
}

bench_rest_tool() {
  java -cp "$BENCH_CLASSES:$KAFKA_JARS" -Dlog4j2.configurationFile="$ROOT/bin/kafka-local/tools-log4j2.properties" \
    BenchTool "$@" 2>>"$RUN_DIR/rest-tool.log"
}

as_seconds() { if [[ -n "$1" ]]; then awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; else echo "not within $2 s"; fi; }

# worker_figures: "a / b / ..." of a /proc/PID/status field over the workers running, RSS in MB.
worker_figures() {
  local key="$1" pid values=()
  for pid in "${SCALE_PIDS[@]}"; do
    if [[ "$key" == VmRSS ]]; then values+=("$(( $(status_kb "$pid" VmRSS) / 1024 ))")
    else values+=("$(status_kb "$pid" "$key")"); fi
  done
  echo "${values[*]}" | sed 's| | / |g'
}

# scale_case RUNTIME: worker 1 alone; CONNECTORS file sources created one after another by PUT
# /connectors/NAME/config; then WORKERS - 1 more workers join; then, with CONCURRENT > 0, a new group of
# WORKERS workers gets CONCURRENT connectors by POSTs sent all at once.
scale_case() {
  local rt="$1" out="$RUN_DIR/$1.env"
  local group="scale-$rt-$STAMP" props="$RUN_DIR/$rt-scale-worker.properties" topic="scale-$rt-$STAMP"
  : >"$out"
  write_worker_properties "$rt" "$props" "$group"
  create_topic "$topic"

  bench_say "$rt: worker 1 of group $group"
  scale_start_worker "$rt" 1 "$props" scale-worker-1
  wait_healthy "$rt" "$(scale_port "$rt" 1)"
  wait_group_stable "$group" 1
  local worker1="${SCALE_PIDS[0]}" generation_before cpu_before created="$RUN_DIR/$rt-create.txt"
  generation_before="$(generation_number "$group")"
  cpu_before="$(cpu_seconds "$worker1")"

  bench_say "$rt: creating $CONNECTORS connectors one after another (PUT /connectors/NAME/config)"
  bench_rest_tool create-connectors "$(scale_url "$rt" 1)" scale "$CONNECTORS" 1 put "$topic" "$RUN_DIR/scale-input" \
    "$(scale_url "$rt" 1)/connectors?expand=status" "$SCALE_CREATE_TIMEOUT" >"$created" ||
    bench_fail "$rt: creating the connectors failed; see $RUN_DIR/rest-tool.log"
  echo "create_cpu_s=$(seconds_between "$cpu_before" "$(cpu_seconds "$worker1")")" >>"$out"
  wait_group_stable "$group" 1
  {
    echo "create_answered_s=$(as_seconds "$(field "$created" answered_ms)")"
    echo "create_running_s=$(as_seconds "$(field "$created" running_ms)" "$SCALE_CREATE_TIMEOUT")"
    echo "create_generations=$(( $(generation_number "$group") - generation_before ))"
    echo "create_retries=$(field "$created" retries) retried, $(field "$created" failed) failed ($(field "$created" codes))"
    echo "create_distribution=$(field "$created" distribution)"
    echo "rss_mb=$(( $(status_kb "$worker1" VmRSS) / 1024 ))"
    echo "threads=$(status_kb "$worker1" Threads)"
    echo "records=$(kafka_tool end-offset "localhost:$BROKER_PORT" "$topic") / $((CONNECTORS * 10))"
  } >>"$out"
  bench_say "$rt: $(tr '\n' ' ' <"$out")"

  ((WORKERS > 1)) && scale_join "$rt" "$group" "$props"
  scale_stop_workers
  ((CONCURRENT > 0)) && scale_concurrent "$rt"
  return 0
}

# scale_join RUNTIME GROUP PROPS: starts workers 2..WORKERS at once and times them from just before their
# launchers run until worker 1's statuses show every connector and task RUNNING and spread evenly over all
# workers; meanwhile worker 2 (once it answers) is asked GET /connectors?expand=status every 100 ms.
scale_join() {
  local rt="$1" group="$2" props="$3" out="$RUN_DIR/$1.env" i
  local t0_file="$RUN_DIR/$rt-join.t0" stop_file="$RUN_DIR/$rt-join.stop" joined="$RUN_DIR/$rt-join.txt"
  local polls="$RUN_DIR/$rt-join-get.txt" waiter poller generation_before
  rm -f "$stop_file"
  generation_before="$(generation_number "$group")"
  bench_say "$rt: $((WORKERS - 1)) more worker(s) join"
  # Both watchers are started, and the balance watcher has looked once, before the clock starts.
  bench_rest_tool await-connectors "$(scale_url "$rt" 1)/connectors?expand=status" "$CONNECTORS" \
    "$(scale_worker_ids "$rt" "$WORKERS")" "@$t0_file" "$SCALE_JOIN_TIMEOUT" "$t0_file.ready" >"$joined" &
  waiter=$!
  bench_rest_tool poll-latency "$(scale_url "$rt" 2)/connectors?expand=status" 100 10000 "$stop_file" \
    "$RUN_DIR/$rt-join-get-raw.txt" >"$polls" &
  poller=$!
  wait_for_files "$t0_file.ready"
  now_ms >"$t0_file"
  for ((i = 2; i <= WORKERS; i++)); do scale_start_worker "$rt" "$i" "$props" "scale-worker-$i"; done
  wait "$waiter" || bench_fail "$rt: watching the join failed; see $RUN_DIR/rest-tool.log"
  touch "$stop_file"
  wait "$poller" || bench_fail "$rt: polling the joining worker failed; see $RUN_DIR/rest-tool.log"
  wait_group_stable "$group" "$WORKERS"
  {
    echo "join_balanced_s=$(as_seconds "$(field "$joined" running_ms)" "$SCALE_JOIN_TIMEOUT")"
    echo "join_distribution=$(field "$joined" distribution)"
    echo "join_generations=$(( $(generation_number "$group") - generation_before ))"
    echo "join_get_p50_ms=$(field "$polls" p50_ms)"
    echo "join_get_p99_ms=$(field "$polls" p99_ms)"
    echo "join_get_max_ms=$(field "$polls" max_ms)"
    local others; others="$(field "$polls" other_statuses)"
    echo "join_get_answers=$(field "$polls" ok) of $(field "$polls" requests) ($(field "$polls" non_200) other${others:+: $others}, $(field "$polls" timeouts) timed out, $(field "$polls" failures) failed)"
    echo "join_rss=$(worker_figures VmRSS)"
    echo "join_threads=$(worker_figures Threads)"
  } >>"$out"
  bench_say "$rt: joined: $(field "$joined" distribution)"
}

# scale_concurrent RUNTIME: a new group of WORKERS workers, settled, gets CONCURRENT connectors by POSTs sent
# at once, spread over the workers (those not leading forward them); timed until all are RUNNING, and the
# group's generations counted until it settled.
scale_concurrent() {
  local rt="$1" out="$RUN_DIR/$1.env" i
  local group="scale-burst-$rt-$STAMP" props="$RUN_DIR/$rt-burst-worker.properties" topic="scale-burst-$rt-$STAMP"
  local created="$RUN_DIR/$rt-burst.txt" urls=() generation_before
  write_worker_properties "$rt" "$props" "$group"
  create_topic "$topic"
  bench_say "$rt: a new group of $WORKERS worker(s) for $CONCURRENT connectors created at once"
  for ((i = 1; i <= WORKERS; i++)); do
    scale_start_worker "$rt" "$i" "$props" "burst-worker-$i"
    urls+=("$(scale_url "$rt" "$i")")
  done
  for ((i = 1; i <= WORKERS; i++)); do
    WORKER_PID="${SCALE_PIDS[i - 1]}"
    wait_healthy "$rt" "$(scale_port "$rt" "$i")"
  done
  wait_group_stable "$group" "$WORKERS"
  generation_before="$(generation_number "$group")"
  bench_rest_tool create-connectors "$(IFS=,; echo "${urls[*]}")" burst "$CONCURRENT" "$CONCURRENT" post "$topic" \
    "$RUN_DIR/scale-input" "${urls[0]}/connectors?expand=status" "$SCALE_CREATE_TIMEOUT" >"$created" ||
    bench_fail "$rt: creating the connectors at once failed; see $RUN_DIR/rest-tool.log"
  wait_group_stable "$group" "$WORKERS"
  {
    echo "burst_answered_s=$(as_seconds "$(field "$created" answered_ms)")"
    echo "burst_running_s=$(as_seconds "$(field "$created" running_ms)" "$SCALE_CREATE_TIMEOUT")"
    echo "burst_generations=$(( $(generation_number "$group") - generation_before ))"
    echo "burst_retries=$(field "$created" retries) retried, $(field "$created" failed) failed ($(field "$created" codes))"
    echo "burst_distribution=$(field "$created" distribution)"
    echo "burst_records=$(kafka_tool end-offset "localhost:$BROKER_PORT" "$topic") / $((CONCURRENT * 10))"
  } >>"$out"
  scale_stop_workers
}

scale_print_table() {
  local rows=(
    "$CONNECTORS connectors created one after another (PUT), all answered (s)|create_answered_s"
    "first PUT to all connectors and tasks RUNNING (s)|create_running_s"
    "group generations during the creations|create_generations"
    "requests retried / failed (answers)|create_retries"
    "statuses after the creations|create_distribution"
    "worker CPU during the creations (s)|create_cpu_s"
    "worker RSS afterwards (MB)|rss_mb"
    "worker threads afterwards|threads"
    "records in the topic / expected|records"
  )
  ((WORKERS > 1)) && rows+=(
    "$((WORKERS - 1)) worker(s) started to balanced and all RUNNING (s)|join_balanced_s"
    "group generations during the join|join_generations"
    "statuses when balanced (connectors/tasks per worker)|join_distribution"
    "GET /connectors?expand=status on the joining worker meanwhile, p50 of 200s and timeouts (ms)|join_get_p50_ms"
    "the same, p99 (ms)|join_get_p99_ms"
    "the same, max (ms)|join_get_max_ms"
    "the same, 200 answers of requests once it answered|join_get_answers"
    "RSS of each worker after the join (MB)|join_rss"
    "threads of each worker after the join|join_threads"
  )
  ((CONCURRENT > 0)) && rows+=(
    "$CONCURRENT connectors by POSTs sent at once to $WORKERS worker(s), all answered (s)|burst_answered_s"
    "the same, to all connectors and tasks RUNNING (s)|burst_running_s"
    "group generations for the $CONCURRENT concurrent creations|burst_generations"
    "requests retried / failed (answers)|burst_retries"
    "statuses after the concurrent creations|burst_distribution"
    "records in the topic / expected|burst_records"
  )
  local ratio=false
  [[ $# -eq 2 ]] && ratio=true
  bench_table rows "$ratio" "$@"
}
