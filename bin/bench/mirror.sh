# Functions of `bin/connect-bench.sh --scenario mirror`, sourced after bin/bench/lib.sh: MirrorMaker 2's
# MirrorSourceConnector (Apache's connect-mirror 4.1.1, on both runtimes' class paths) replicates one topic
# from cluster A into cluster B on a distributed worker, one runtime and one worker at a time.
# Cluster B, the target the workers belong to, is lib.sh's broker (BROKER_PORT, controller one above);
# cluster A, the source, is a second broker two ports above it. Results go to $RUN_DIR/<runtime>.env and,
# per round, $RUN_DIR/<runtime>-mirror-r<R>.env. Needs RECORDS, PARTITIONS, TASKS and REPEAT.

MIRROR_TOPIC=mirror-input
MIRROR_WARM_TOPIC=mirror-warmup
MIRROR_TIMEOUT=900
A_PORT=""

# on_cluster_a CMD...: CMD with bin/kafka-local.sh pointed at cluster A's ports and data directory.
on_cluster_a() {
  KAFKA_LOCAL_PORT="$A_PORT" KAFKA_LOCAL_CONTROLLER_PORT=$((A_PORT + 1)) \
    KAFKA_LOCAL_DATA_DIR="$BENCH_DIR/kafka-$A_PORT" "$@"
}

mirror_check_ports() {
  A_PORT=$((BROKER_PORT + 2))
  local port rt ports=("$((BROKER_PORT + 1))" "$A_PORT" "$((A_PORT + 1))")
  for rt in "$@"; do ports+=("$(rest_port "$rt")"); done
  for port in "${ports[@]}"; do
    (source "$ROOT/bin/kafka-local/lib.sh" && ! kl_port_in_use "$port") ||
      bench_fail "port $port is in use; set BENCH_BROKER_PORT (brokers on it and the three ports above) or BENCH_REST_PORT"
  done
}

mirror_cleanup() {
  bench_stop_worker
  on_cluster_a "$ROOT/bin/kafka-local.sh" stop >/dev/null 2>&1 || true
  bench_cleanup
}

# Both clusters from empty data directories.
mirror_start_clusters() {
  "$ROOT/bin/kafka-local.sh" stop >/dev/null 2>&1 || true
  on_cluster_a "$ROOT/bin/kafka-local.sh" stop >/dev/null 2>&1 || true
  rm -rf "$KAFKA_LOCAL_DATA_DIR" "$BENCH_DIR/kafka-$A_PORT"
  bench_say "cluster B (target) on port $BROKER_PORT, cluster A (source) on port $A_PORT"
  "$ROOT/bin/kafka-local.sh" start
  on_cluster_a "$ROOT/bin/kafka-local.sh" start
}

a_broker_cpu_seconds() { cpu_seconds "$(cat "$BENCH_DIR/kafka-$A_PORT/kafka.pid")"; }

# mirror_fill TOPIC COUNT: a topic of PARTITIONS partitions on cluster A, filled by Kafka's producer perf tool
# with COUNT records of 100 random capital letters (a new payload per record) and no key, so the records are
# spread over the partitions by the producer's sticky partitioner. Checks that the topic then holds COUNT.
mirror_fill() {
  local topic="$1" count="$2" held
  bench_say "filling $topic on cluster A: $count records of 100 bytes over $PARTITIONS partitions"
  (source "$ROOT/bin/kafka-local/lib.sh"
   kl_run_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$A_PORT" \
     --create --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1 >/dev/null
   kl_run_tool org.apache.kafka.tools.ProducerPerformance --topic "$topic" --num-records "$count" \
     --record-size 100 --throughput -1 --producer-props "bootstrap.servers=localhost:$A_PORT" acks=all \
     linger.ms=5 >>"$RUN_DIR/mirror-fill.log" 2>&1) ||
    bench_fail "filling $topic failed; see $RUN_DIR/mirror-fill.log"
  held="$(kafka_tool partition-ends "localhost:$A_PORT" "$topic")"
  [[ "${held%% *}" == "$count" ]] || bench_fail "$topic on cluster A holds $held records, not $count"
}

# mirror_config ALIAS TOPIC: the connector, the same for both runtimes. Bytes pass through unchanged
# (ByteArrayConverter for keys, values and headers); replication factor 1 for the remote topic and the offset
# syncs (one broker per cluster); no ACL sync (neither broker has an authorizer); every other setting, offset
# syncs and topic config sync included, keeps MirrorMaker 2's default. The remote topic is ALIAS.TOPIC on B.
mirror_config() {
  local converter=org.apache.kafka.connect.converters.ByteArrayConverter
  cat <<EOF
{"connector.class":"org.apache.kafka.connect.mirror.MirrorSourceConnector",
 "source.cluster.alias":"$1","target.cluster.alias":"B",
 "source.cluster.bootstrap.servers":"localhost:$A_PORT","target.cluster.bootstrap.servers":"localhost:$BROKER_PORT",
 "topics":"$2","tasks.max":"$TASKS",
 "key.converter":"$converter","value.converter":"$converter","header.converter":"$converter",
 "replication.factor":"1","offset-syncs.topic.replication.factor":"1","sync.topic.acls.enabled":"false"}
EOF
}

put_mirror_connector() {
  local port="$1" name="$2" config="$3" code
  code="$(curl -s -o "$RUN_DIR/put-$name.json" -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
    --data "$config" "http://localhost:$port/connectors/$name/config" || true)"
  [[ "$code" == 201 ]] || bench_fail "creating $name answered $code: $(cat "$RUN_DIR/put-$name.json" 2>/dev/null)"
}

# One unmeasured worker per runtime mirrors the warm-up topic: it leaves what a worker that ran before finds
# (page cache, and Tributary's class data sharing archive and plugin scan cache), and warms both brokers'
# paths for mirrored records.
mirror_warm_up() {
  local rt="$1" port; port="$(rest_port "$rt")"
  local props="$RUN_DIR/$rt-mirror-warmup-worker.properties" alias="$rt-warmup"
  write_worker_properties "$rt" "$props" "mirror-warmup-$rt-$STAMP"
  bench_say "$rt: a first, unmeasured start, mirroring $MIRROR_WARM_TOPIC"
  local started; started="$(now_ms)"
  start_worker "$rt" "$props" mirror-warmup-worker
  wait_healthy "$rt" "$port"
  echo "first_startup_ms=$(( $(now_ms) - started ))" >>"$RUN_DIR/$rt.env"
  put_mirror_connector "$port" "mirror-$alias" "$(mirror_config "$alias" "$MIRROR_WARM_TOPIC")"
  kafka_tool wait-records "localhost:$BROKER_PORT" "$alias.$MIRROR_WARM_TOPIC" "$WARM_RECORDS" "$(now_ms)" 300 \
    >/dev/null || bench_fail "$rt: the warm-up did not mirror $WARM_RECORDS records; see $WORKER_LOG"
  bench_stop_worker
  [[ "$rt" == tributary ]] && TRIBUTARY_STOPPED_AT="$SECONDS"
  return 0
}

# mirror_round RUNTIME R: a new worker (own group and internal topics) and a new source alias, so the remote
# topic is new; timed from just before the PUT of the connector until the end offsets of the remote topic's
# partitions add up to RECORDS. Then the remote topic must hold exactly what the source does, partition by
# partition (nothing lost, nothing twice).
mirror_round() {
  local rt="$1" r="$2" port; port="$(rest_port "$rt")"
  local id="mirror-$rt-$STAMP-r$r" props="$RUN_DIR/$rt-mirror-r$r-worker.properties" alias="$rt-r$r"
  local out="$RUN_DIR/$rt-mirror-r$r.env" remote="$rt-r$r.$MIRROR_TOPIC" t0_file="$RUN_DIR/$rt-mirror-r$r.t0"
  : >"$out"
  write_worker_properties "$rt" "$props" "$id"
  bench_say "$rt: round $r of $REPEAT, $RECORDS records A -> B as $remote"
  echo "load_1min=$(cut -d' ' -f1 /proc/loadavg)" >>"$out"
  start_and_time_worker "$rt" "$props" "mirror-r$r-worker"
  echo "startup_ms=$STARTUP_MS" >>"$out"
  # As in the other scenarios, the JVM's first seconds of class loading and JIT are over before the clock starts.
  sleep 5
  local java_pid="$WORKER_PID" watcher
  start_rss_sampler "$java_pid" "$RUN_DIR/$rt-mirror-r$r-rss.txt"
  kafka_tool wait-records "localhost:$BROKER_PORT" "$remote" "$RECORDS" "@$t0_file" "$MIRROR_TIMEOUT" \
    "$t0_file.ready" >"$RUN_DIR/$rt-mirror-r$r-done.txt" &
  watcher=$!
  wait_for_files "$t0_file.ready"
  local cpu_before b_before a_before machine_before
  cpu_before="$(cpu_seconds "$java_pid")"; b_before="$(broker_cpu_seconds)"; a_before="$(a_broker_cpu_seconds)"
  machine_before="$(machine_cpu_seconds)"
  now_ms >"$t0_file"
  put_mirror_connector "$port" "mirror-$alias" "$(mirror_config "$alias" "$MIRROR_TOPIC")"
  wait "$watcher" || bench_fail "$rt: $remote did not get $RECORDS records within $MIRROR_TIMEOUT s; see $WORKER_LOG"
  local waited; waited="$(cat "$RUN_DIR/$rt-mirror-r$r-done.txt")"
  {
    echo "mirror_ms=${waited% *}"
    echo "first_ms=${waited#* }"
    echo "cpu_s=$(seconds_between "$cpu_before" "$(cpu_seconds "$java_pid")")"
    echo "broker_b_cpu_s=$(seconds_between "$b_before" "$(broker_cpu_seconds)")"
    echo "broker_a_cpu_s=$(seconds_between "$a_before" "$(a_broker_cpu_seconds)")"
    echo "machine_cpu_s=$(seconds_between "$machine_before" "$(machine_cpu_seconds)")"
    echo "rss_end_mb=$(( $(status_kb "$java_pid" VmRSS) / 1024 ))"
    echo "threads=$(status_kb "$java_pid" Threads)"
  } >>"$out"
  # Records sent twice would show as end offsets beyond the source's: give them a moment to arrive.
  sleep 3
  echo "peak_rss_hwm_mb=$(( $(status_kb "$java_pid" VmHWM) / 1024 ))" >>"$out"
  echo "peak_rss_sampled_mb=$(( $(sort -n "$RUN_DIR/$rt-mirror-r$r-rss.txt" | tail -1) / 1024 ))" >>"$out"
  local source_ends remote_ends
  source_ends="$(kafka_tool partition-ends "localhost:$A_PORT" "$MIRROR_TOPIC")"
  remote_ends="$(kafka_tool partition-ends "localhost:$BROKER_PORT" "$remote")"
  if [[ "$source_ends" == "$remote_ends" ]]; then echo "check=identical" >>"$out"
  else
    echo "check=DIFFERENT" >>"$out"
    bench_say "$rt: $remote holds $remote_ends, the source $source_ends"
  fi
  bench_stop_worker
  bench_say "$rt: $(tr '\n' ' ' <"$out")"
}

# The median round's figures (by time to all records; the slower middle one of an even count) go to the
# runtime's results, with every round's time, start and load, and whether every round's copy was identical.
mirror_summarize() {
  local rt="$1" r times=() checks=identical loads=() startups=() hwms=()
  for ((r = 1; r <= REPEAT; r++)); do
    local round="$RUN_DIR/$rt-mirror-r$r.env"
    times+=("$(field "$round" mirror_ms)")
    loads+=("$(field "$round" load_1min)")
    startups+=("$(field "$round" startup_ms)")
    hwms+=("$(field "$round" peak_rss_hwm_mb)")
    [[ "$(field "$round" check)" == identical ]] || checks=DIFFERENT
  done
  local median_ms median_round; median_ms="$(median "${times[@]}")"
  for ((r = 1; r <= REPEAT; r++)); do
    [[ "${times[r - 1]}" == "$median_ms" ]] && { median_round="$r"; break; }
  done
  local round="$RUN_DIR/$rt-mirror-r$median_round.env"
  local first_ms cpu; first_ms="$(field "$round" first_ms)"; cpu="$(field "$round" cpu_s)"
  {
    echo "mirror_s=$(awk -v ms="$median_ms" 'BEGIN {printf "%.2f", ms / 1000}')"
    echo "mirror_rounds_s=$(printf '%s\n' "${times[@]}" | awk '{printf "%s%.2f", (NR > 1 ? " " : ""), $1 / 1000}')"
    echo "median_round=$median_round"
    echo "first_s=$(awk -v ms="$first_ms" 'BEGIN {printf "%.2f", ms / 1000}')"
    echo "mirror_rps=$(awk -v ms="$median_ms" -v n="$RECORDS" 'BEGIN {printf "%.0f", n / (ms / 1000)}')"
    echo "steady_rps=$(awk -v ms="$median_ms" -v f="$first_ms" -v n="$RECORDS" \
      'BEGIN {printf "%.0f", (ms > f ? n / ((ms - f) / 1000) : 0)}')"
    echo "cpu_s=$cpu"
    echo "rpcpu=$(awk -v c="$cpu" -v n="$RECORDS" 'BEGIN {printf "%.0f", (c > 0 ? n / c : 0)}')"
    grep -E '^(broker_b_cpu_s|broker_a_cpu_s|machine_cpu_s|rss_end_mb|threads|peak_rss_sampled_mb)=' "$round"
    echo "peak_rss_hwm_mb=$(median "${hwms[@]}")"
    echo "peak_rss_rounds_mb=${hwms[*]}"
    echo "startup_ms=$(median "${startups[@]}")"
    echo "load_rounds=${loads[*]}"
    echo "check=$checks"
  } >>"$RUN_DIR/$rt.env"
}

mirror_print_table() {
  local rows=(
    "PUT of the connector to all $RECORDS records in the remote topic, median of the rounds (s)|mirror_s"
    "the same, each round (s)|mirror_rounds_s"
    "PUT to the first record in the remote topic, median round (s)|first_s"
    "records/s, PUT to all records|mirror_rps"
    "records/s from the first record to the last|steady_rps"
    "worker CPU, PUT to all records (s)|cpu_s"
    "records per worker CPU-second|rpcpu"
    "broker B (target) CPU (s)|broker_b_cpu_s"
    "broker A (source) CPU (s)|broker_a_cpu_s"
    "CPU of the whole machine (s)|machine_cpu_s"
    "worker RSS when all records were there (MB)|rss_end_mb"
    "worker peak RSS, VmHWM, median of the rounds (MB)|peak_rss_hwm_mb"
    "the same, each round (MB)|peak_rss_rounds_mb"
    "worker peak RSS sampled every 200 ms, median round (MB)|peak_rss_sampled_mb"
    "worker threads when all records were there|threads"
    "startup to /health 200, median of the rounds (ms)|startup_ms"
    "first start, to /health 200 (ms)|first_startup_ms"
    "load average (1 min) as each round began|load_rounds"
    "remote topic equal to the source, partition by partition, every round|check"
  )
  local ratio=false
  [[ $# -eq 2 ]] && ratio=true
  bench_table rows "$ratio" "$@"
}
