#!/usr/bin/env bash
# Broker outages under a running pipeline: how Tributary and (for comparison) Apache Kafka Connect 4.1.1
# recover, how long that takes and what they deliver twice. See docs/performance.md, "Broker outages".
#
#   bin/connect-outage-bench.sh [--runtime tributary|apache|both] [--signal TERM|KILL|both]
#                               [--outage-seconds S] [--lines N] [--recovery-timeout S] [--exactly-once]
#                               [--no-record]
#
# Defaults: both runtimes, both signals, 20 s outages, 100000 lines before and 100000 during each outage,
# 120 s for the last line (and again for RUNNING states) after the broker was started again.
# --exactly-once runs the source exactly once (worker exactly.once.source.support=enabled, connector
# exactly.once.support=required, poll boundaries; the sink reads read_committed) and adds what a read_committed
# consumer sees in the topic: with exactly-once it must hold every line once, whatever the sink file shows.
# Environment as for bin/connect-bench.sh: BENCH_HEAP_OPTS, BENCH_JVM_OPTS, BENCH_BROKER_PORT,
# BENCH_REST_PORT, BENCH_DIR.
#
# Each runtime and signal gets a broker of its own (fresh data directory, the benchmark's ports) and a
# distributed worker with its own group and topics; the runtimes never run at the same time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNTIME=both
SIGNALS=both
OUTAGE_SECONDS=20
LINES=100000
RECOVERY_TIMEOUT=120
RECORD=true
EXACTLY_ONCE=false
MODE=distributed

usage() {
  sed -n '5,7p' "$0" >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runtime) RUNTIME="$2"; shift 2 ;;
    --signal) SIGNALS="$2"; shift 2 ;;
    --outage-seconds) OUTAGE_SECONDS="$2"; shift 2 ;;
    --lines) LINES="$2"; shift 2 ;;
    --recovery-timeout) RECOVERY_TIMEOUT="$2"; shift 2 ;;
    --exactly-once) EXACTLY_ONCE=true; shift ;;
    --no-record) RECORD=false; shift ;;
    *) usage ;;
  esac
done
case "$RUNTIME" in tributary|apache|both) ;; *) usage ;; esac
case "$SIGNALS" in TERM|KILL|both) ;; *) usage ;; esac
for number in "$OUTAGE_SECONDS" "$LINES" "$RECOVERY_TIMEOUT"; do
  [[ "$number" =~ ^[0-9]+$ && "$number" -gt 0 ]] || usage
done

source "$ROOT/bin/bench/lib.sh"
source "$ROOT/bin/bench/outage.sh"
bench_begin_run "$RUNTIME"
CONVERTER=string
COMMAND_LINE="bin/connect-outage-bench.sh --runtime $RUNTIME --signal $SIGNALS --outage-seconds $OUTAGE_SECONDS --lines $LINES --recovery-timeout $RECOVERY_TIMEOUT$($EXACTLY_ONCE && echo " --exactly-once" || true)"

bench_say "generating $((2 * LINES)) lines"
java -cp "$BENCH_CLASSES" BenchTool gen "$RUN_DIR/input.txt" $((2 * LINES))

runtimes=("$RUNTIME")
[[ "$RUNTIME" == both ]] && runtimes=(tributary apache)
signals=("$SIGNALS")
[[ "$SIGNALS" == both ]] && signals=(TERM KILL)
columns=()
for signal in "${signals[@]}"; do
  for rt in "${runtimes[@]}"; do
    outage_case "$rt" "$signal"
    columns+=("$rt-SIG$signal")
  done
done

outage_print_table "${columns[@]}" | tee "$RUN_DIR/table.txt"
if $RECORD; then
  bench_record "broker outages of $OUTAGE_SECONDS s, $LINES + $LINES lines, ${runtimes[*]} ($MODE$($EXACTLY_ONCE && echo ", exactly-once" || true))" "## MirrorMaker 2"
  bench_say "added the results to docs/performance.md, section Broker outages"
fi
