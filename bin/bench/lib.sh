# Functions of bin/connect-bench.sh: one worker at a time is started, measured and stopped.
# Sourced, not run. Results go to $RUN_DIR/<runtime>.env as KEY=value lines.

BENCH_CLASSES=""
KAFKA_JARS="$ROOT/.local/kafka-4.1.1/libs/*"
WORKER_PID=""
WORKER_LOG=""
SAMPLER_PID=""
STARTUP_MS=""
TRIBUTARY_STOPPED_AT=""
CONVERTER=json   # the workers' key and value converters: json (with schemas) or string

bench_say() { echo "connect-bench: $*" >&2; }
bench_fail() { echo "connect-bench: error: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

# bench_begin_run RUNTIME: what every benchmark run does first. Sets the run's globals (BENCH_DIR, HEAP_OPTS,
# BROKER_PORT, STAMP, RUN_DIR, LOAD_BEFORE), points bin/kafka-local.sh at the benchmark's ports (and a
# default data directory), stops worker and broker on exit, and builds and resolves what is needed.
bench_begin_run() {
  BENCH_DIR="${BENCH_DIR:-$ROOT/.local/bench}"
  HEAP_OPTS="${BENCH_HEAP_OPTS:--Xms256m -Xmx1g}"
  BROKER_PORT="${BENCH_BROKER_PORT:-19092}"
  STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
  RUN_DIR="$BENCH_DIR/runs/$STAMP"
  mkdir -p "$RUN_DIR"
  export KAFKA_LOCAL_PORT="$BROKER_PORT"
  export KAFKA_LOCAL_CONTROLLER_PORT=$((BROKER_PORT + 1))
  export KAFKA_LOCAL_DATA_DIR="$BENCH_DIR/kafka-$BROKER_PORT"
  trap bench_cleanup EXIT
  LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"
  bench_say "run directory $RUN_DIR"
  bench_prune_old_runs 5
  (source "$ROOT/bin/kafka-local/lib.sh" && ! kl_port_in_use "$BROKER_PORT") ||
    bench_fail "port $BROKER_PORT is in use; stop that broker or set BENCH_BROKER_PORT"
  (source "$ROOT/bin/kafka-local/lib.sh" && kl_ensure_libs)
  bench_prepare "$1"
}

bench_cleanup() {
  bench_stop_worker
  "$ROOT/bin/kafka-local.sh" stop >/dev/null 2>&1 || true
}

# Builds what the measurements must not include: Tributary's jars, Apache's class path, the helper.
bench_prepare() {
  BENCH_CLASSES="$BENCH_DIR/classes"
  mkdir -p "$BENCH_CLASSES"
  if [[ ! -f "$BENCH_CLASSES/BenchTool.class" || "$ROOT/bin/bench/BenchTool.java" -nt "$BENCH_CLASSES/BenchTool.class" ]]; then
    javac -cp "$KAFKA_JARS" -d "$BENCH_CLASSES" "$ROOT/bin/bench/BenchTool.java"
  fi
  if [[ "$1" != apache && ! -d "$ROOT/connect-runtime/target/lib" ]]; then
    bench_say "building Tributary (mvn -DskipTests -pl connect-runtime -am package)"
    mvn -B -q -f "$ROOT/pom.xml" -DskipTests -pl connect-runtime -am package >"$RUN_DIR/build.log" 2>&1 ||
      bench_fail "the build failed; see $RUN_DIR/build.log"
  fi
  if [[ "$1" != tributary && ( ! -s "$ROOT/.local/apache-connect/classpath.txt"
        || "$ROOT/tools/apache-connect/pom.xml" -nt "$ROOT/.local/apache-connect/classpath.txt" ) ]]; then
    mkdir -p "$ROOT/.local/apache-connect"
    mvn -B -q -f "$ROOT/tools/apache-connect/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$ROOT/.local/apache-connect/classpath.txt" >"$RUN_DIR/apache-classpath.log" 2>&1 ||
      bench_fail "resolving Apache Connect failed; see $RUN_DIR/apache-classpath.log"
  fi
}

# Each run keeps about 0.5 GB of input and output files (1M lines). Runs older than the last KEEP keep
# their logs, properties and figures but lose those files.
bench_prune_old_runs() {
  local keep="${1:-5}" old
  ls -1d "$BENCH_DIR"/runs/*/ 2>/dev/null | sort | head -n -"$keep" | while read -r old; do
    rm -f "$old"input.txt "$old"*-e2e.txt "$old"*-drain.txt "$old"*-latency-out.txt "$old"*-sink.txt
  done
}

# BENCH_REST_PORT (default 18083) is Tributary's REST port; Apache's is the next one.
rest_port() { local base="${BENCH_REST_PORT:-18083}"; [[ "$1" == tributary ]] && echo "$base" || echo $((base + 1)); }

# write_worker_properties RUNTIME FILE ID: a worker of the benchmark's mode and CONVERTER whose group,
# internal topics or offset file are named after ID, so every run starts from nothing.
write_worker_properties() {
  local rt="$1" file="$2" id="$3"
  {
    echo "bootstrap.servers=localhost:$BROKER_PORT"
    if [[ "$MODE" == distributed ]]; then
      cat <<EOF
group.id=$id
config.storage.topic=$id-configs
offset.storage.topic=$id-offsets
status.storage.topic=$id-status
config.storage.replication.factor=1
offset.storage.replication.factor=1
status.storage.replication.factor=1
EOF
      if [[ "${EXACTLY_ONCE:-false}" == true ]]; then echo "exactly.once.source.support=enabled"; fi
    else
      echo "offset.storage.file.filename=$RUN_DIR/$id.offsets"
    fi
    if [[ "$CONVERTER" == string ]]; then
      echo "key.converter=org.apache.kafka.connect.storage.StringConverter"
      echo "value.converter=org.apache.kafka.connect.storage.StringConverter"
    else
      echo "key.converter=org.apache.kafka.connect.json.JsonConverter"
      echo "value.converter=org.apache.kafka.connect.json.JsonConverter"
      echo "key.converter.schemas.enable=true"
      echo "value.converter.schemas.enable=true"
    fi
    cat <<EOF
offset.flush.interval.ms=10000
listeners=http://localhost:$(rest_port "$rt")
rest.advertised.host.name=localhost
EOF
  } >"$file"
}

# Each runtime runs with its own shipped JVM flags and the same heap; BENCH_JVM_OPTS adds flags to both.
start_worker() {
  local rt="$1" props="$2" log="$RUN_DIR/$1-${3:-worker}.log"
  if [[ "$rt" == tributary ]]; then
    KAFKA_HEAP_OPTS="$HEAP_OPTS" KAFKA_OPTS="${BENCH_JVM_OPTS:-}" LOG_DIR="$RUN_DIR/$rt-logs" \
      "$ROOT/bin/connect-$MODE.sh" "$props" >"$log" 2>&1 </dev/null &
  else
    KAFKA_HEAP_OPTS="$HEAP_OPTS" KAFKA_OPTS="${BENCH_JVM_OPTS:-}" \
      "$ROOT/tools/apache-connect/run.sh" "$MODE" "$props" >"$log" 2>&1 </dev/null &
  fi
  WORKER_PID=$!
  WORKER_LOG="$log"
}

bench_stop_worker() {
  [[ -n "$SAMPLER_PID" ]] && { kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; }
  SAMPLER_PID=""
  [[ -n "$WORKER_PID" ]] || return 0
  kill -TERM "$WORKER_PID" 2>/dev/null || true
  local deadline=$((SECONDS + 30))
  while kill -0 "$WORKER_PID" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  kill -KILL "$WORKER_PID" 2>/dev/null || true
  wait "$WORKER_PID" 2>/dev/null || true
  WORKER_PID=""
}

status_kb() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
# User plus system CPU seconds the process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
broker_cpu_seconds() { cpu_seconds "$(cat "$KAFKA_LOCAL_DATA_DIR/kafka.pid")"; }
# CPU-seconds every process on the machine has used (user, nice, system, irq, softirq).
machine_cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.2f", ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat; }
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }

# Samples VmRSS every 200 ms into a file; the maximum is the sampled peak (VmHWM is kept too).
start_rss_sampler() {
  local pid="$1" out="$2"
  ( while kill -0 "$pid" 2>/dev/null; do status_kb "$pid" VmRSS >>"$out" 2>/dev/null || true; sleep 0.2; done ) &
  SAMPLER_PID=$!
}

http_code() { curl -s -o /dev/null -w '%{http_code}' "$@" || true; }

create_connector() {
  local port="$1" name="$2" config="$3"
  local code
  code="$(curl -s -o "$RUN_DIR/create-$name.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    --data "{\"name\":\"$name\",\"config\":$config}" "http://localhost:$port/connectors" || true)"
  [[ "$code" == 201 ]] || bench_fail "creating $name answered $code: $(cat "$RUN_DIR/create-$name.json" 2>/dev/null)"
}

# With --exactly-once the source runs exactly once (poll boundaries) and sinks read only committed records, so
# that end to end counts what a consumer of an exactly-once pipeline would see.
source_config() {
  local extra=""
  [[ "${EXACTLY_ONCE:-false}" == true ]] && extra=",\"exactly.once.support\":\"required\",\"transaction.boundary\":\"poll\""
  echo "{\"connector.class\":\"org.apache.kafka.connect.file.FileStreamSourceConnector\",\"tasks.max\":\"1\",\"file\":\"$1\",\"topic\":\"$2\"$extra}"
}
delete_connector() { curl -s -o /dev/null -X DELETE "http://localhost:$1/connectors/$2" || true; }
sink_config() {
  local extra=""
  [[ "${EXACTLY_ONCE:-false}" == true ]] && extra=",\"consumer.override.isolation.level\":\"read_committed\""
  echo "{\"connector.class\":\"org.apache.kafka.connect.file.FileStreamSinkConnector\",\"tasks.max\":\"1\",\"file\":\"$1\",\"topics\":\"$2\"$extra}"
}

# run_file_pipeline PORT SOURCE SINK INPUT TOPIC OUTPUT LINES: creates the file source SOURCE (INPUT ->
# TOPIC) and the file sink SINK (TOPIC -> OUTPUT), and waits (300 s at most) until OUTPUT has LINES lines.
run_file_pipeline() {
  local port="$1" source="$2" sink="$3" input="$4" topic="$5" output="$6" lines="$7"
  create_connector "$port" "$source" "$(source_config "$input" "$topic")"
  create_connector "$port" "$sink" "$(sink_config "$output" "$topic")"
  java -cp "$BENCH_CLASSES" BenchTool wait-lines "$output" "$lines" "$(now_ms)" 300 >/dev/null
}

wait_task_running() {
  local port="$1" name="$2" deadline=$((SECONDS + 60))
  until curl -s "http://localhost:$port/connectors/$name/status" | grep -q '"tasks":\[{[^]]*"state":"RUNNING"'; do
    ((SECONDS < deadline)) || bench_fail "$name has no RUNNING task after 60 s"
    sleep 0.1
  done
}

# Readies the shared broker before any timing. A fresh broker creates __consumer_offsets on the first
# group join, and its CPU per record keeps falling for millions of records after it starts (its JIT
# compiler): in four 1M-line pipelines on a just-started broker its CPU went 4.1, 2.9, 2.1, 2.4 s, and
# about 1 s after some 15 million records. Whichever runtime ran first would pay for that, so Kafka's
# own perf tools first write and read BROKER_WARM_RECORDS records of 170 bytes the way each runtime's
# producers do by default: lz4 in 64 KiB batches (Tributary) and uncompressed 16 KiB batches (Apache).
warm_broker() {
  (source "$ROOT/bin/kafka-local/lib.sh"
   kl_run_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$BROKER_PORT" \
     --create --if-not-exists --topic bench-warmup --partitions 1 --replication-factor 1 >/dev/null
   echo warm | kl_run_tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server "localhost:$BROKER_PORT" \
     --topic bench-warmup >/dev/null 2>&1
   kl_run_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "localhost:$BROKER_PORT" \
     --topic bench-warmup --group bench-warmup --from-beginning --max-messages 1 --timeout-ms 30000 >/dev/null 2>&1) ||
    bench_say "warming the broker's group coordinator failed; the first startup may include its creation"
  ((BROKER_WARM_RECORDS > 0)) || return 0
  bench_say "warming the broker: $BROKER_WARM_RECORDS records lz4 in 64 KiB batches, as many uncompressed in 16 KiB"
  local settings codec batch linger
  for settings in "lz4 65536 5" "none 16384 0"; do
    read -r codec batch linger <<<"$settings"
    local topic="bench-broker-warmup-$codec"
    (source "$ROOT/bin/kafka-local/lib.sh"
     kl_run_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$BROKER_PORT" \
       --create --topic "$topic" --partitions 1 --replication-factor 1 >/dev/null
     kl_run_tool org.apache.kafka.tools.ProducerPerformance --topic "$topic" --num-records "$BROKER_WARM_RECORDS" \
       --record-size 170 --throughput -1 --producer-props "bootstrap.servers=localhost:$BROKER_PORT" \
       "compression.type=$codec" "batch.size=$batch" "linger.ms=$linger" >>"$RUN_DIR/broker-warmup.log" 2>&1
     kl_run_tool org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "localhost:$BROKER_PORT" \
       --topic "$topic" --messages "$BROKER_WARM_RECORDS" --group "$topic" >>"$RUN_DIR/broker-warmup.log" 2>&1) ||
      bench_fail "warming the broker failed; see $RUN_DIR/broker-warmup.log"
  done
}

# The physical limit of the pipeline's producing half: Kafka's own producer perf tool writes the same records
# (LINES values as the file source's converter serializes them, drawn from the input's first 10,000 lines,
# null keys) with Tributary's producer settings (acks=all, idempotence, lz4, 64 KiB batches, linger.ms=5,
# 4 MiB buffer) to a new one-partition topic on the same broker, with the JIT a long-running worker has.
# The time is what the tool reports (records / its records/s), without its JVM's start. Median of N runs.
# Writes perf_ms=... to $RUN_DIR/perf.env.
producer_baseline() {
  local runs="$1" payloads="$RUN_DIR/perf-payloads.txt" i times=()
  if [[ "$CONVERTER" == json ]]; then
    head -n 10000 "$RUN_DIR/input.txt" | sed 's/.*/{"schema":{"type":"string","optional":false},"payload":"&"}/' >"$payloads"
  else
    head -n 10000 "$RUN_DIR/input.txt" >"$payloads"
  fi
  for ((i = 1; i <= runs; i++)); do
    local topic="bench-producer-perf-$STAMP-$i" out="$RUN_DIR/producer-perf-$i.log"
    create_topic "$topic"
    bench_say "Kafka's producer perf tool: $LINES records with Tributary's producer settings (run $i of $runs)"
    (source "$ROOT/bin/kafka-local/lib.sh"
     "$(kl_java)" -Xmx512m -Dlog4j2.configurationFile="$KAFKA_LOCAL_BIN_DIR/tools-log4j2.properties" \
       -cp "$KAFKA_LOCAL_LIBS/*" org.apache.kafka.tools.ProducerPerformance --topic "$topic" \
       --num-records "$LINES" --payload-file "$payloads" --throughput -1 --producer-props \
       "bootstrap.servers=localhost:$BROKER_PORT" acks=all enable.idempotence=true \
       max.in.flight.requests.per.connection=5 compression.type=lz4 batch.size=65536 linger.ms=5 \
       buffer.memory=4194304 >"$out" 2>&1) || bench_fail "the producer perf tool failed; see $out"
    # Its last line: "N records sent, R records/sec (...)".
    times+=("$(awk '/records sent/ {n = $1; r = $4} END {if (r > 0) printf "%.0f", n / r * 1000}' "$out")")
  done
  echo "perf_ms=$(median "${times[@]}")" >"$RUN_DIR/perf.env"
  echo "perf_rounds_ms=${times[*]}" >>"$RUN_DIR/perf.env"
}

# Waits (up to 60 s) until every given file exists.
wait_for_files() {
  local deadline=$((SECONDS + 60)) file
  for file in "$@"; do
    until [[ -e "$file" ]]; do
      ((SECONDS < deadline)) || bench_fail "$file did not appear within 60 s"
      sleep 0.02
    done
  done
}

create_topic() {
  (source "$ROOT/bin/kafka-local/lib.sh"
   kl_run_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$BROKER_PORT" \
     --create --topic "$1" --partitions 1 --replication-factor 1 >/dev/null)
}

# One unmeasured start and stop per runtime, timed as "first start": it leaves what any later start
# finds on a machine that ran the worker before (page cache, and for Tributary the class data sharing
# archive and plugin scan cache its launcher keeps under .local/; the launcher adopts an archive only
# once it is 30 s old, so the measured start waits for that).
bench_warm_up() {
  local rt="$1" port; port="$(rest_port "$rt")"
  local props="$RUN_DIR/$rt-warmup-worker.properties"
  write_worker_properties "$rt" "$props" "bench-warmup-$rt-$STAMP"
  bench_say "$rt: a first, unmeasured start"
  local started; started="$(now_ms)"
  start_worker "$rt" "$props" warmup-worker
  wait_healthy "$rt" "$port"
  echo "first_startup_ms=$(( $(now_ms) - started ))" >>"$RUN_DIR/$rt.env"
  warm_up_pipeline "$rt" "$port"
  bench_stop_worker
  [[ "$rt" == tributary ]] && TRIBUTARY_STOPPED_AT="$SECONDS"
  return 0
}

# Tributary's launcher adopts the class data sharing archive its first start wrote once it is 30 s old.
bench_wait_for_cds_archive() {
  [[ -n "$TRIBUTARY_STOPPED_AT" && "${TRIBUTARY_CDS:-true}" == true ]] || return 0
  local left=$((31 - (SECONDS - TRIBUTARY_STOPPED_AT)))
  ((left <= 0)) || sleep "$left"
}

# The unmeasured start stands for the worker's previous run on this machine, so it also moves data:
# WARM_PASSES passes of the scenario over the first WARM_LINES lines, each on a topic of its own. The
# measured start then finds what a real restart finds (the page cache, and for Tributary a class data
# sharing archive that includes the data path). The broker is warmed separately (warm_broker).
warm_up_pipeline() {
  local rt="$1" port="$2" lines=$((LINES < WARM_LINES ? LINES : WARM_LINES)) pass
  ((WARM_PASSES > 0 && lines > 0)) || return 0
  local input="$RUN_DIR/$rt-warmup-input.txt"
  head -n "$lines" "$RUN_DIR/input.txt" >"$input"
  bench_say "$rt: $WARM_PASSES unmeasured pass(es) of $lines lines"
  for ((pass = 1; pass <= WARM_PASSES; pass++)); do
    local topic="bench-warmup-$rt-$STAMP-$pass" output="$RUN_DIR/$rt-warmup-output-$pass.txt"
    create_topic "$topic"
    run_file_pipeline "$port" "warmup-source-$pass" "warmup-sink-$pass" "$input" "$topic" "$output" "$lines" ||
      bench_fail "$rt: warm-up pass $pass did not reach $lines lines; see $RUN_DIR/$rt-warmup-worker.log"
    delete_connector "$port" "warmup-source-$pass"
    delete_connector "$port" "warmup-sink-$pass"
    rm -f "$output"
  done
  rm -f "$input"
}

# Starts a worker and sets STARTUP_MS to the milliseconds from just before its launcher runs to the first
# 200 from GET /health (polled every 50 ms); WORKER_PID is the worker's.
start_and_time_worker() {
  local rt="$1" props="$2" log="${3:-worker}" port; port="$(rest_port "$rt")"
  local started; started="$(now_ms)"
  start_worker "$rt" "$props" "$log"
  local deadline=$((SECONDS + 120))
  until [[ "$(http_code "http://localhost:$port/health")" == 200 ]]; do
    kill -0 "$WORKER_PID" 2>/dev/null || bench_fail "$rt worker exited; see $WORKER_LOG"
    ((SECONDS < deadline)) || bench_fail "$rt worker not healthy after 120 s"
    sleep 0.05
  done
  STARTUP_MS=$(( $(now_ms) - started ))
}

# measure_e2e RUNTIME TOPIC OUTPUT ENV: file source -> TOPIC -> file sink on the running worker, from just
# before the connectors are created until OUTPUT has LINES lines; the figures go to ENV.
measure_e2e() {
  local rt="$1" topic="$2" output="$3" out="$4" port; port="$(rest_port "$rt")"
  local java_pid="$WORKER_PID" name="${output##*/}"
  name="${name%.txt}"
  bench_say "$rt: file source -> $topic -> file sink, $LINES lines"
  # The two watchers (the sink file's lines; the topic's end offset, to split the time between the
  # source and the sink side) start and look once before the clock starts, so their own JVM start-up
  # does not compete with the measured work; they read the start time from a file when done.
  local t0_file="$RUN_DIR/$name.t0"
  java -cp "$BENCH_CLASSES:$KAFKA_JARS" -Dlog4j2.configurationFile="$ROOT/bin/kafka-local/tools-log4j2.properties" \
    BenchTool wait-offset "localhost:$BROKER_PORT" "$topic" "$LINES" "@$t0_file" 900 "$t0_file.offsets-ready" \
    >"$RUN_DIR/$name-source-done.txt" 2>>"$RUN_DIR/offset-tool.log" &
  local offset_watcher=$!
  java -cp "$BENCH_CLASSES" BenchTool wait-lines "$output" "$LINES" "@$t0_file" 900 "$t0_file.lines-ready" \
    >"$RUN_DIR/$name-done.txt" &
  local line_watcher=$!
  wait_for_files "$t0_file.offsets-ready" "$t0_file.lines-ready"
  local cpu_before broker_before machine_before
  cpu_before="$(cpu_seconds "$java_pid")"; broker_before="$(broker_cpu_seconds)"; machine_before="$(machine_cpu_seconds)"
  now_ms >"$t0_file"
  local scraper=""
  if ((${SCRAPE_SECONDS:-0} > 0)) && [[ "$rt" == tributary ]]; then
    : >"$RUN_DIR/$name-scrapes.txt"
    scrape_metrics "$port" "$RUN_DIR/$name-scrapes.txt" & scraper=$!
  fi
  create_connector "$port" bench-source "$(source_config "$RUN_DIR/input.txt" "$topic")"
  create_connector "$port" bench-sink "$(sink_config "$output" "$topic")"
  wait "$line_watcher" || bench_fail "$rt: the sink file did not get $LINES lines"
  wait "$offset_watcher" || true
  if [[ -n "$scraper" ]]; then
    kill "$scraper" 2>/dev/null; wait "$scraper" 2>/dev/null || true
    local scrapes="$RUN_DIR/$name-scrapes.txt" ok total median
    ok="$(awk '$1 == 200' "$scrapes" | wc -l)"; total="$(wc -l <"$scrapes")"
    median="$(awk '{print $2 * 1000}' "$scrapes" | sort -n \
      | awk '{v[NR] = $1} END {if (NR) printf "%.0f", v[int((NR + 1) / 2)]; else printf "-"}')"
    echo "e2e_scrapes=$ok of $total answered 200, median $median ms" >>"$out"
  fi
  local waited; waited="$(cat "$RUN_DIR/$name-done.txt")"
  echo "e2e_source_ms=$(cat "$RUN_DIR/$name-source-done.txt")" >>"$out"
  echo "e2e_ms=${waited% *}" >>"$out"
  echo "e2e_99pct_ms=${waited#* }" >>"$out"
  echo "e2e_cpu_s=$(seconds_between "$cpu_before" "$(cpu_seconds "$java_pid")")" >>"$out"
  echo "e2e_broker_cpu_s=$(seconds_between "$broker_before" "$(broker_cpu_seconds)")" >>"$out"
  echo "e2e_machine_cpu_s=$(seconds_between "$machine_before" "$(machine_cpu_seconds)")" >>"$out"
  if cmp -s "$RUN_DIR/input.txt" "$output"; then echo "e2e_output=identical" >>"$out"
  else echo "e2e_output=DIFFERENT" >>"$out"; bench_say "$rt: the sink file differs from the input"; fi
}

# scrape_metrics PORT OUT: GET /metrics every SCRAPE_SECONDS until killed, a line "status seconds" per scrape
# (Tributary's Prometheus endpoint; Apache has none), so the table shows that scraping cost the pipeline nothing.
scrape_metrics() {
  while true; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://localhost:$1/metrics" >>"$2" || true
    sleep "$SCRAPE_SECONDS"
  done
}

# Round 1 of a runtime: startup, idle RSS, end to end, drain, latency and peak RSS, all on one worker.
bench_run_scenario() {
  local rt="$1" port; port="$(rest_port "$rt")"
  local out="$RUN_DIR/$rt.env" round="$RUN_DIR/$rt-round1.env" props="$RUN_DIR/$rt-worker.properties"
  local topic="bench-$rt-$STAMP" latency_topic="bench-latency-$rt-$STAMP"
  write_worker_properties "$rt" "$props" "bench-$rt-$STAMP"
  create_topic "$topic"
  create_topic "$latency_topic"

  bench_say "$rt: starting a $MODE worker (round 1 of $REPEAT)"
  : >"$round"
  start_and_time_worker "$rt" "$props"
  echo "startup_ms=$STARTUP_MS" >>"$round"
  # The JVM is settled once the first seconds of class loading and JIT are over.
  sleep 5
  local java_pid="$WORKER_PID"
  echo "idle_rss_mb=$(( $(status_kb "$java_pid" VmRSS) / 1024 ))" >>"$out"
  start_rss_sampler "$java_pid" "$RUN_DIR/$rt-rss.txt"
  measure_e2e "$rt" "$topic" "$RUN_DIR/$rt-e2e.txt" "$round"

  local t0_file line_watcher waited cpu_before
  bench_say "$rt: a fresh sink drains $topic"
  t0_file="$RUN_DIR/$rt-drain.t0"
  java -cp "$BENCH_CLASSES" BenchTool wait-lines "$RUN_DIR/$rt-drain.txt" "$LINES" "@$t0_file" 900 "$t0_file.lines-ready" \
    >"$RUN_DIR/$rt-drain-done.txt" &
  line_watcher=$!
  wait_for_files "$t0_file.lines-ready"
  cpu_before="$(cpu_seconds "$java_pid")"
  now_ms >"$t0_file"
  create_connector "$port" bench-drain "$(sink_config "$RUN_DIR/$rt-drain.txt" "$topic")"
  wait "$line_watcher" || bench_fail "$rt: the drained file did not get $LINES lines"
  waited="$(cat "$RUN_DIR/$rt-drain-done.txt")"
  echo "drain_ms=${waited% *}" >>"$out"
  echo "drain_99pct_ms=${waited#* }" >>"$out"
  echo "drain_cpu_s=$(awk -v a="$cpu_before" -v b="$(cpu_seconds "$java_pid")" 'BEGIN {printf "%.2f", b - a}')" >>"$out"
  if cmp -s "$RUN_DIR/input.txt" "$RUN_DIR/$rt-drain.txt"; then echo "drain_output=identical" >>"$out"
  else echo "drain_output=DIFFERENT" >>"$out"; bench_say "$rt: the drained file differs from the input"; fi
  # Stop the first pipeline so it does not compete with the latency stream.
  for name in bench-source bench-sink bench-drain; do
    delete_connector "$port" "$name"
  done

  bench_say "$rt: latency of a steady $RATE records/s stream for ${LATENCY_SECONDS}s (after ${WARMUP_SECONDS}s not counted)"
  create_connector "$port" bench-latency-sink "$(sink_config "$RUN_DIR/$rt-latency-out.txt" "$latency_topic")"
  wait_task_running "$port" bench-latency-sink
  local latency
  latency="$(java -cp "$BENCH_CLASSES:$KAFKA_JARS" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dlog4j2.configurationFile="$ROOT/bin/kafka-local/tools-log4j2.properties" BenchTool latency \
    "localhost:$BROKER_PORT" "$latency_topic" "$RUN_DIR/$rt-latency-out.txt" \
    "$RATE" "$((LATENCY_SECONDS + WARMUP_SECONDS))" "$WARMUP_SECONDS" 2>>"$RUN_DIR/latency-tool.log")"
  bench_say "$rt: $latency"
  for field in $latency; do echo "latency_$field" >>"$out"; done

  echo "peak_rss_sampled_mb=$(( $(sort -n "$RUN_DIR/$rt-rss.txt" | tail -1) / 1024 ))" >>"$out"
  echo "peak_rss_hwm_mb=$(( $(status_kb "$java_pid" VmHWM) / 1024 ))" >>"$out"
  bench_stop_worker
  bench_say "$rt: $(tr '\n' ' ' <"$out")"
}

# Round R (2 or later) of a runtime: a new worker (new group and internal topics, or offsets file), timed
# to healthy, left to settle as in round 1, then one end-to-end run on a new topic, and stopped. Medians
# over the rounds damp the run-to-run noise of a single start or pipeline.
bench_short_round() {
  local rt="$1" r="$2"
  local id="bench-$rt-$STAMP-r$r" props="$RUN_DIR/$rt-r$r-worker.properties" round="$RUN_DIR/$rt-round$r.env"
  write_worker_properties "$rt" "$props" "$id"
  create_topic "$id"
  bench_say "$rt: round $r of $REPEAT"
  : >"$round"
  start_and_time_worker "$rt" "$props" "r$r-worker"
  echo "startup_ms=$STARTUP_MS" >>"$round"
  sleep 5
  measure_e2e "$rt" "$id" "$RUN_DIR/$rt-e2e-r$r.txt" "$round"
  bench_stop_worker
  rm -f "$RUN_DIR/$rt-e2e-r$r.txt"
}

# The median of numbers (the upper one of the two middle ones when there is an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int(NR / 2) + 1]}'; }

# Writes the medians over the rounds to the runtime's results: startup, and every end-to-end figure
# of the round whose end-to-end time is the median one (so the figures in a column belong together).
bench_summarize_rounds() {
  local rt="$1" r startups=() e2es=() outputs=identical
  for ((r = 1; r <= REPEAT; r++)); do
    local round="$RUN_DIR/$rt-round$r.env"
    startups+=("$(sed -n 's/^startup_ms=//p' "$round")")
    e2es+=("$(sed -n 's/^e2e_ms=//p' "$round")")
    grep -q '^e2e_output=identical$' "$round" || outputs=DIFFERENT
  done
  local median_e2e median_round; median_e2e="$(median "${e2es[@]}")"
  for ((r = 1; r <= REPEAT; r++)); do
    [[ "${e2es[r - 1]}" == "$median_e2e" ]] && { median_round="$r"; break; }
  done
  {
    echo "startup_ms=$(median "${startups[@]}")"
    echo "startup_rounds_ms=${startups[*]}"
    grep '^e2e_' "$RUN_DIR/$rt-round$median_round.env" | grep -v '^e2e_output='
    echo "e2e_output=$outputs"
    echo "e2e_rounds_s=$(printf '%s\n' "${e2es[@]}" | awk '{printf "%s%.2f", (NR > 1 ? " " : ""), $1 / 1000}')"
    echo "e2e_median_round=$median_round"
  } >>"$RUN_DIR/$rt.env"
}

kafka_tool() {
  java -cp "$BENCH_CLASSES:$KAFKA_JARS" -Dlog4j2.configurationFile="$ROOT/bin/kafka-local/tools-log4j2.properties" \
    BenchTool "$@" 2>>"$RUN_DIR/offset-tool.log"
}

wait_healthy() {
  local rt="$1" port="$2" deadline=$((SECONDS + 120))
  until [[ "$(http_code "http://localhost:$port/health")" == 200 ]]; do
    kill -0 "$WORKER_PID" 2>/dev/null || bench_fail "$rt worker exited; see $WORKER_LOG"
    ((SECONDS < deadline)) || bench_fail "$rt worker not healthy after 120 s"
    sleep 0.05
  done
}

# kill -9 of a worker while a file source runs, then a restart, once per kill point (a percentage of
# the lines already in the topic). The restarted source resumes from its last committed offset, so
# nothing is lost and every record in the topic beyond LINES is a duplicate.
bench_kill_test() {
  local rt="$1" port; port="$(rest_port "$rt")"
  local out="$RUN_DIR/$rt.env" total_duplicates=0 details=""
  local point
  for point in $KILL_POINTS; do
    local id="bench-kill$point-$rt-$STAMP"
    local props="$RUN_DIR/$rt-kill$point-worker.properties" topic="bench-kill$point-$rt-$STAMP"
    write_worker_properties "$rt" "$props" "$id"
    create_topic "$topic"
    bench_say "$rt: kill -9 once $point% of the lines are in the topic, then restart"
    start_worker "$rt" "$props" "kill$point-worker"
    wait_healthy "$rt" "$port"
    local t0; t0="$(now_ms)"
    create_connector "$port" bench-kill-source "$(source_config "$RUN_DIR/input.txt" "$topic")"
    kafka_tool wait-offset "localhost:$BROKER_PORT" "$topic" "$((LINES * point / 100))" "$t0" 900 >/dev/null
    kill -KILL "$WORKER_PID"
    wait "$WORKER_PID" 2>/dev/null || true
    local at_kill; at_kill="$(kafka_tool end-offset "localhost:$BROKER_PORT" "$topic")"
    start_worker "$rt" "$props" "kill$point-restarted-worker"
    wait_healthy "$rt" "$port"
    # A standalone worker keeps connectors in memory only: the restarted one is given it again.
    if [[ "$MODE" == standalone ]]; then
      create_connector "$port" bench-kill-source "$(source_config "$RUN_DIR/input.txt" "$topic")"
    fi
    kafka_tool wait-offset "localhost:$BROKER_PORT" "$topic" "$LINES" "$t0" 900 >/dev/null
    # The restarted source stops at the end of the file; give it a moment to prove it wrote no more.
    sleep 3
    local total; total="$(kafka_tool end-offset "localhost:$BROKER_PORT" "$topic")"
    bench_stop_worker
    local duplicates=$((total - LINES))
    bench_say "$rt: killed at $at_kill records; $duplicates duplicates"
    total_duplicates=$((total_duplicates + duplicates))
    details+="${details:+, }$point%: $duplicates of $at_kill"
  done
  echo "kill_duplicates=$total_duplicates" >>"$out"
  echo "kill_details=$details" >>"$out"
}

# field FILE KEY: the value of a KEY=value line of FILE.
field() { sed -n "s/^$2=//p" "$1"; }

# value RUNTIME KEY: one figure of a runtime's results.
value() { sed -n "s/^$2=//p" "$RUN_DIR/$1.env"; }

bench_print_table() {
  local bytes; bytes="$(stat -c %s "$RUN_DIR/input.txt")"
  local rows=(
    "first start after a build, to /health 200 (ms)|first_startup_ms"
    "startup to /health 200, median of the rounds (ms)|startup_ms"
    "startup, each round (ms)|startup_rounds_ms"
    "end-to-end source->topic->sink, median of the rounds (s)|e2e_s"
    "end-to-end, each round (s)|e2e_rounds_s"
    "end-to-end, 99% of lines in the sink file (s)|e2e_99pct_s"
    "end-to-end, all records in the topic (s)|e2e_source_s"
    "Kafka's producer perf tool, same records and producer settings, median (s)|perf_s"
    "end-to-end / producer perf tool (issue 18: at most 1.2)|perf_ratio"
    "end-to-end records/s|e2e_rps"
    "end-to-end MB/s|e2e_mbps"
    "end-to-end worker CPU (s)|e2e_cpu_s"
    "end-to-end broker CPU (s)|e2e_broker_cpu_s"
    "end-to-end CPU of the whole machine (s)|e2e_machine_cpu_s"
    "end-to-end records per CPU-second|e2e_rpcpu"
    "sink-only drain (s)|drain_s"
    "sink-only drain, 99% of lines (s)|drain_99pct_s"
    "sink-only drain records/s|drain_rps"
    "sink-only drain worker CPU (s)|drain_cpu_s"
    "latency p50 at $RATE rec/s (ms)|latency_p50_ms"
    "latency p99 at $RATE rec/s (ms)|latency_p99_ms"
    "latency max (ms)|latency_max_ms"
    "latency records received/sent|latency_recv"
    "idle RSS (MB)|idle_rss_mb"
    "peak RSS, VmHWM (MB)|peak_rss_hwm_mb"
    "peak RSS, sampled every 200 ms (MB)|peak_rss_sampled_mb"
    "output identical to input (e2e/drain)|outputs"
  )
  ((${SCRAPE_SECONDS:-0} > 0)) && rows+=("GET /metrics every $SCRAPE_SECONDS s during end to end|e2e_scrapes")
  $KILL_TEST && rows+=("duplicates after kill -9 and restart, all kill points|kill_duplicates"
    "duplicates per kill point (of records in the topic at the kill)|kill_details")
  for rt in "$@"; do
    local e2e drain
    e2e="$(value "$rt" e2e_ms)"; drain="$(value "$rt" drain_ms)"
    {
      echo "e2e_s=$(awk -v ms="$e2e" 'BEGIN {printf "%.2f", ms / 1000}')"
      echo "e2e_rps=$(awk -v ms="$e2e" -v n="$LINES" 'BEGIN {printf "%.0f", n / (ms / 1000)}')"
      echo "e2e_mbps=$(awk -v ms="$e2e" -v b="$bytes" 'BEGIN {printf "%.2f", b / 1048576 / (ms / 1000)}')"
      echo "e2e_rpcpu=$(awk -v c="$(value "$rt" e2e_cpu_s)" -v n="$LINES" 'BEGIN {printf "%.0f", (c > 0 ? n / c : 0)}')"
      echo "e2e_source_s=$(awk -v ms="$(value "$rt" e2e_source_ms)" 'BEGIN {printf "%.2f", ms / 1000}')"
      echo "e2e_99pct_s=$(awk -v ms="$(value "$rt" e2e_99pct_ms)" 'BEGIN {printf "%.2f", ms / 1000}')"
      echo "drain_99pct_s=$(awk -v ms="$(value "$rt" drain_99pct_ms)" 'BEGIN {printf "%.2f", ms / 1000}')"
      echo "drain_s=$(awk -v ms="$drain" 'BEGIN {printf "%.2f", ms / 1000}')"
      echo "drain_rps=$(awk -v ms="$drain" -v n="$LINES" 'BEGIN {printf "%.0f", n / (ms / 1000)}')"
      echo "latency_recv=$(value "$rt" latency_received)/$(value "$rt" latency_sent)"
      echo "outputs=$(value "$rt" e2e_output)/$(value "$rt" drain_output)"
      if [[ -s "$RUN_DIR/perf.env" ]]; then
        local perf; perf="$(sed -n 's/^perf_ms=//p' "$RUN_DIR/perf.env")"
        echo "perf_s=$(awk -v ms="$perf" 'BEGIN {printf "%.2f", ms / 1000}')"
        echo "perf_ratio=$(awk -v e="$e2e" -v p="$perf" 'BEGIN {printf "%.2f", (p > 0 ? e / p : 0)}')"
      fi
    } >>"$RUN_DIR/$rt.env"
  done
  local ratio=false
  [[ $# -eq 2 ]] && ratio=true
  bench_table rows "$ratio" "$@"
}

# bench_table ROWS RATIO COLUMN...: a Markdown table with a row per "label|key" in the array named ROWS
# and a column per results file ($RUN_DIR/COLUMN.env; a "-" in its name shows as a space in the header).
# With RATIO true, a last column divides the first column's figure by the second's.
bench_table() {
  local -n table_rows="$1"
  local ratio="$2" column
  shift 2
  local header="| figure |" rule="|---|"
  for column in "$@"; do header+=" ${column//-/ } |"; rule+="---:|"; done
  $ratio && { header+=" $1 / $2 |"; rule+="---:|"; }
  echo "$header"; echo "$rule"
  local row label key line
  for row in "${table_rows[@]}"; do
    label="${row%%|*}"; key="${row##*|}"
    line="| $label |"
    for column in "$@"; do line+=" $(value "$column" "$key") |"; done
    if $ratio; then
      line+=" $(awk -v a="$(value "$1" "$key")" -v b="$(value "$2" "$key")" \
        'BEGIN {if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else printf "-"}') |"
    fi
    echo "$line"
  done
}

# The commit measured, and where the working tree differs from it (documentation aside).
measured_commit() {
  local commit dirty
  commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  dirty="$(git -C "$ROOT" status --porcelain -- . ':!docs' ':!README.md' 2>/dev/null |
    awk '{print $NF}' | cut -d/ -f1 | sort -u | paste -sd, | sed 's/,/, /g')"
  echo "$commit${dirty:+ with uncommitted changes in $dirty}"
}

# bench_record TITLE [BEFORE]: the run's record (TITLE with the time, the command, the machine, and
# $RUN_DIR/table.txt) goes to $RUN_DIR/record.md and into docs/performance.md: appended at the end, or
# inserted just before the line BEFORE (a heading), so that it ends the section above that heading.
bench_record() {
  local title="$1" before="${2:-}" doc="$ROOT/docs/performance.md"
  {
    echo "### $(date -u '+%Y-%m-%d %H:%M UTC'): $title"
    echo
    echo "Command: \`$COMMAND_LINE\` (heap \`$HEAP_OPTS\`, commit $(measured_commit))"
    echo
    echo "Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -m | awk '/^Mem:/ {print $2}') MB memory,"
    echo "$(java -version 2>&1 | head -1), load average before the run $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    cat "$RUN_DIR/table.txt"
  } >"$RUN_DIR/record.md"
  if [[ -z "$before" ]]; then
    { echo; cat "$RUN_DIR/record.md"; } >>"$doc"
    return 0
  fi
  grep -qxF -- "$before" "$doc" || bench_fail "docs/performance.md has no line \"$before\" to put the results before"
  awk -v before="$before" -v record="$RUN_DIR/record.md" '
    $0 == before && !done { while ((getline line < record) > 0) print line; print ""; done = 1 }
    { print }' "$doc" >"$doc.tmp"
  mv "$doc.tmp" "$doc"
}
