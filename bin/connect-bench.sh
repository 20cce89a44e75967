#!/usr/bin/env bash
# Measures Tributary (and, for comparison, Apache Kafka Connect 4.1.1) on one machine with a real
# broker: startup, file source -> topic -> file sink throughput, sink-only drain, steady-stream
# latency and memory. See docs/performance.md for the method and recorded results.
#
#   bin/connect-bench.sh [--lines N] [--runtime tributary|apache|both] [--mode distributed|standalone]
#                        [--rate R] [--latency-seconds S] [--repeat N] [--kill-test [--kill-points "25 50 75"]]
#                        [--scrape-metrics S] [--exactly-once] [--no-record]
#   bin/connect-bench.sh --scenario scale [--connectors N] [--workers W] [--concurrent C]
#                        [--runtime tributary|apache|both] [--no-record]
#   bin/connect-bench.sh --scenario mirror [--records N] [--partitions P] [--tasks T] [--repeat N]
#                        [--runtime tributary|apache|both] [--no-record]
#
# --scenario scale (distributed; defaults 300 connectors, 2 workers, 100 concurrent): one
# worker gets N file source connectors (10 lines each, one shared topic) created one after another by PUT;
# the time to all RUNNING, the worker's RSS and threads and the group's generations are taken; then W-1
# more workers join, timed until the work is balanced and RUNNING while the joining worker's
# GET /connectors?expand=status is timed every 100 ms; then a new group of W workers gets C connectors by
# POSTs sent at once (0: skipped). See docs/performance.md, "Scale", and bin/bench/scale.sh.
#
# --scenario mirror (distributed; defaults 1000000 records, 8 partitions, 4 tasks, 3 rounds): a topic on
# cluster A (a second broker two ports above BENCH_BROKER_PORT) is filled by Kafka's producer perf tool, then
# for each round and runtime, alternating, a new worker on cluster B gets Apache's MirrorSourceConnector with a
# new source alias, timed from the PUT until the remote topic on B holds every record; the worker's CPU and RSS
# are taken. BENCH_WARM_LINES (default 200000) records are mirrored first by an unmeasured worker per runtime.
# See docs/performance.md, "MirrorMaker 2", and bin/bench/mirror.sh.
#
# Environment: BENCH_HEAP_OPTS (default -Xms256m -Xmx1g, the same for both runtimes; each runtime
# otherwise keeps the JVM flags its own scripts ship with), BENCH_JVM_OPTS (more flags for both),
# BENCH_BROKER_PORT (default 19092; controller port +1), BENCH_REST_PORT (default 18083; Apache's +1),
# BENCH_DIR (default <repo>/.local/bench), BENCH_WARM_PASSES and BENCH_WARM_LINES (default one pass
# of the first 200000 lines, moved by each runtime's unmeasured first start), BENCH_BROKER_WARM_RECORDS
# (default 3000000, written and read twice by Kafka's perf tools to warm the broker; 0 skips that).
#
# Both runtimes use the same broker, started fresh (empty data directory) for the run and warmed
# before any timing. --exactly-once (distributed only) runs the file source exactly once (worker
# exactly.once.source.support=enabled, connector exactly.once.support=required, transaction.boundary=poll) and
# has the sinks read only committed records. --repeat N (default 3) measures startup and the end-to-end run N times per
# runtime, each time in a new worker, alternating between the runtimes, and reports the medians.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LINES=1000000
RUNTIME=tributary
MODE=distributed
RATE=10000
LATENCY_SECONDS=20
WARMUP_SECONDS=5
RECORD=true
KILL_TEST=false
KILL_POINTS="25 50 75"
REPEAT=3
SCRAPE_SECONDS=0
EXACTLY_ONCE=false
WARM_LINES="${BENCH_WARM_LINES:-200000}"
WARM_PASSES="${BENCH_WARM_PASSES:-1}"
BROKER_WARM_RECORDS="${BENCH_BROKER_WARM_RECORDS:-3000000}"
SCENARIO=pipeline
CONNECTORS=300
WORKERS=2
CONCURRENT=100
RECORDS=1000000
PARTITIONS=8
TASKS=4

usage() {
  sed -n '6,12p' "$0" >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --lines) LINES="$2"; shift 2 ;;
    --runtime) RUNTIME="$2"; shift 2 ;;
    --mode) MODE="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --latency-seconds) LATENCY_SECONDS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --kill-test) KILL_TEST=true; shift ;;
    --kill-points) KILL_POINTS="$2"; shift 2 ;;
    --scrape-metrics) SCRAPE_SECONDS="$2"; shift 2 ;;
    --exactly-once) EXACTLY_ONCE=true; shift ;;
    --no-record) RECORD=false; shift ;;
    --scenario) SCENARIO="$2"; shift 2 ;;
    --connectors) CONNECTORS="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --concurrent) CONCURRENT="$2"; shift 2 ;;
    --records) RECORDS="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    --tasks) TASKS="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && !/^#/ {exit} NR > 1 {print}' "$0"; exit 0 ;;
    *) usage ;;
  esac
done
case "$SCENARIO" in pipeline|scale|mirror) ;; *) usage ;; esac
[[ "$LINES" =~ ^[0-9]+$ && "$LINES" -gt 0 ]] || usage
[[ "$REPEAT" =~ ^[0-9]+$ && "$REPEAT" -ge 1 ]] || usage
[[ "$SCRAPE_SECONDS" =~ ^[0-9]+$ ]] || usage
case "$RUNTIME" in tributary|apache|both) ;; *) usage ;; esac
case "$MODE" in distributed|standalone) ;; *) usage ;; esac
[[ "$EXACTLY_ONCE" == false || "$MODE" == distributed ]] || { echo "--exactly-once needs --mode distributed" >&2; exit 2; }
for point in $KILL_POINTS; do [[ "$point" =~ ^[0-9]+$ && "$point" -ge 1 && "$point" -le 99 ]] || usage; done

source "$ROOT/bin/bench/lib.sh"

if [[ "$SCENARIO" == scale ]]; then
  [[ "$CONNECTORS" =~ ^[0-9]+$ && "$CONNECTORS" -ge 1 && "$CONNECTORS" -le 9999 ]] || usage
  [[ "$WORKERS" =~ ^[0-9]+$ && "$WORKERS" -ge 1 && "$WORKERS" -le 9 ]] || usage
  [[ "$CONCURRENT" =~ ^[0-9]+$ && "$CONCURRENT" -le 9999 ]] || usage
  [[ "$MODE" == distributed ]] || { echo "--scenario scale needs --mode distributed" >&2; exit 2; }
  source "$ROOT/bin/bench/scale.sh"
  bench_begin_run "$RUNTIME"
  trap scale_cleanup EXIT
  CONVERTER=string
  COMMAND_LINE="bin/connect-bench.sh --scenario scale --connectors $CONNECTORS --workers $WORKERS --concurrent $CONCURRENT --runtime $RUNTIME"
  runtimes=("$RUNTIME")
  [[ "$RUNTIME" == both ]] && runtimes=(tributary apache)
  scale_check_ports "${runtimes[@]}"
  "$ROOT/bin/kafka-local.sh" stop >/dev/null 2>&1 || true
  rm -rf "$KAFKA_LOCAL_DATA_DIR"
  "$ROOT/bin/kafka-local.sh" start
  scale_inputs scale "$CONNECTORS"
  scale_inputs burst "$CONCURRENT"
  for rt in "${runtimes[@]}"; do scale_case "$rt"; done
  scale_print_table "${runtimes[@]}" | tee "$RUN_DIR/table.txt"
  if $RECORD; then
    bench_record "scale, $CONNECTORS connectors, $WORKERS workers, $CONCURRENT at once, ${runtimes[*]} (distributed)" "## Broker outages"
    bench_say "added the results to docs/performance.md, section Scale"
  fi
  exit 0
fi

if [[ "$SCENARIO" == mirror ]]; then
  for number in "$RECORDS" "$PARTITIONS" "$TASKS"; do [[ "$number" =~ ^[0-9]+$ && "$number" -ge 1 ]] || usage; done
  [[ "$MODE" == distributed ]] || { echo "--scenario mirror needs --mode distributed" >&2; exit 2; }
  source "$ROOT/bin/bench/mirror.sh"
  bench_begin_run "$RUNTIME"
  trap mirror_cleanup EXIT
  CONVERTER=string
  WARM_RECORDS=$((RECORDS < WARM_LINES ? RECORDS : WARM_LINES))
  COMMAND_LINE="bin/connect-bench.sh --scenario mirror --records $RECORDS --partitions $PARTITIONS --tasks $TASKS --repeat $REPEAT --runtime $RUNTIME"
  runtimes=("$RUNTIME")
  [[ "$RUNTIME" == both ]] && runtimes=(tributary apache)
  mirror_check_ports "${runtimes[@]}"
  mirror_start_clusters
  warm_broker
  mirror_fill "$MIRROR_TOPIC" "$RECORDS"
  mirror_fill "$MIRROR_WARM_TOPIC" "$WARM_RECORDS"
  for rt in "${runtimes[@]}"; do : >"$RUN_DIR/$rt.env"; mirror_warm_up "$rt"; done
  bench_wait_for_cds_archive
  for ((round = 1; round <= REPEAT; round++)); do
    for rt in "${runtimes[@]}"; do mirror_round "$rt" "$round"; done
  done
  for rt in "${runtimes[@]}"; do mirror_summarize "$rt"; done
  mirror_print_table "${runtimes[@]}" | tee "$RUN_DIR/table.txt"
  if $RECORD; then
    bench_record "MirrorSourceConnector, $RECORDS records A -> B, $PARTITIONS partitions, $TASKS tasks, ${runtimes[*]} (distributed)" "## Results"
    bench_say "added the results to docs/performance.md, section MirrorMaker 2"
  fi
  exit 0
fi

bench_begin_run "$RUNTIME"
COMMAND_LINE="bin/connect-bench.sh --lines $LINES --runtime $RUNTIME --mode $MODE --rate $RATE --latency-seconds $LATENCY_SECONDS --repeat $REPEAT$($KILL_TEST && echo " --kill-test --kill-points \"$KILL_POINTS\"" || true)$( ((SCRAPE_SECONDS > 0)) && echo " --scrape-metrics $SCRAPE_SECONDS" || true)$($EXACTLY_ONCE && echo " --exactly-once" || true)"
bench_say "generating $LINES lines"
java -cp "$BENCH_CLASSES" BenchTool gen "$RUN_DIR/input.txt" "$LINES"

# One broker for both runtimes, started from an empty data directory and warmed before any timing
# (see warm_broker). The rounds alternate between the runtimes, so neither always runs on the broker
# that has handled more records.
"$ROOT/bin/kafka-local.sh" stop >/dev/null 2>&1 || true
rm -rf "$KAFKA_LOCAL_DATA_DIR"
"$ROOT/bin/kafka-local.sh" start
warm_broker

runtimes=("$RUNTIME")
[[ "$RUNTIME" == both ]] && runtimes=(tributary apache)
for rt in "${runtimes[@]}"; do
  : >"$RUN_DIR/$rt.env"
  bench_warm_up "$rt"
done
bench_wait_for_cds_archive
producer_baseline "$REPEAT"
for ((round = 1; round <= REPEAT; round++)); do
  for rt in "${runtimes[@]}"; do
    if ((round == 1)); then bench_run_scenario "$rt"; else bench_short_round "$rt" "$round"; fi
  done
done
for rt in "${runtimes[@]}"; do
  bench_summarize_rounds "$rt"
  $KILL_TEST && bench_kill_test "$rt"
done

bench_print_table "${runtimes[@]}" | tee "$RUN_DIR/table.txt"
if $RECORD; then
  bench_record "$LINES lines, ${runtimes[*]} ($MODE$($EXACTLY_ONCE && echo ", exactly-once" || true))"
  bench_say "appended the results to docs/performance.md"
fi
