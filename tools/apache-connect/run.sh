#!/usr/bin/env bash
# Runs Apache Kafka Connect 4.1.1 (the behavioural reference) from Maven Central jars.
#   tools/apache-connect/run.sh standalone worker.properties connector.properties...
#   tools/apache-connect/run.sh distributed worker.properties
# The classpath is resolved into .local/apache-connect/classpath.txt, again whenever pom.xml changed since.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="$root/.local/apache-connect"
mkdir -p "$cache"
if [[ ! -s "$cache/classpath.txt" || "$here/pom.xml" -nt "$cache/classpath.txt" ]]; then
  # Resolved into a private file and moved into place, so runs started side by side never read half a list.
  mvn -B -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cache/classpath.txt.$$" >&2
  mv -f "$cache/classpath.txt.$$" "$cache/classpath.txt"
fi
mode="${1:-}"; shift || true
case "$mode" in
  standalone)  main=org.apache.kafka.connect.cli.ConnectStandalone ;;
  distributed) main=org.apache.kafka.connect.cli.ConnectDistributed ;;
  *) echo "usage: $0 standalone|distributed worker.properties [connector.properties...]" >&2; exit 2 ;;
esac
log4j="${APACHE_CONNECT_LOG4J:-$here/log4j2.properties}"
# The JVM flags Apache's kafka-run-class.sh uses when KAFKA_JVM_PERFORMANCE_OPTS is unset.
perf="${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}"
exec java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g} $perf ${KAFKA_OPTS:-} \
  -Dlog4j2.configurationFile="$log4j" \
  -cp "$(cat "$cache/classpath.txt")" "$main" "$@"
