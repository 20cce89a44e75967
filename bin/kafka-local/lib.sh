# Shared by bin/kafka-local.sh and bin/quickstart.sh: where things live, how to find java and
# how to fetch the Apache Kafka jars. Sourced, not run.

KAFKA_LOCAL_VERSION=4.1.1
KAFKA_LOCAL_BIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TRIBUTARY_HOME="${TRIBUTARY_HOME:-$(cd "$KAFKA_LOCAL_BIN_DIR/../.." && pwd)}"
KAFKA_LOCAL_LIBS="$TRIBUTARY_HOME/.local/kafka-$KAFKA_LOCAL_VERSION/libs"

kl_say() { echo "kafka-local: $*"; }
kl_fail() { echo "kafka-local: error: $*" >&2; exit 1; }

# Prints the java launcher to use, preferring JAVA_HOME like most Java tooling does.
kl_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    kl_fail "java not found: install a Java 17+ runtime or set JAVA_HOME"
  fi
}

# Makes sure the broker and tool jars are in the local cache, fetching them through Maven once.
# Tries offline first so that a machine whose ~/.m2 already has them needs no network.
kl_ensure_libs() {
  [[ -f "$KAFKA_LOCAL_LIBS/.complete" ]] && return 0
  command -v mvn >/dev/null 2>&1 ||
    kl_fail "mvn not found: Maven is needed once to fetch the Kafka $KAFKA_LOCAL_VERSION jars into $KAFKA_LOCAL_LIBS"
  kl_say "fetching Apache Kafka $KAFKA_LOCAL_VERSION jars into $KAFKA_LOCAL_LIBS (first use only)" >&2
  local staging="$KAFKA_LOCAL_LIBS.tmp.$$"
  local mvn_log="$KAFKA_LOCAL_LIBS.mvn.log"
  mkdir -p "$(dirname "$KAFKA_LOCAL_LIBS")"
  rm -rf "$staging"
  local goal=(-B -q -f "$KAFKA_LOCAL_BIN_DIR/pom.xml" dependency:copy-dependencies
              -DincludeScope=runtime "-DoutputDirectory=$staging")
  if ! mvn -o "${goal[@]}" >"$mvn_log" 2>&1; then
    rm -rf "$staging"
    if ! mvn "${goal[@]}" >>"$mvn_log" 2>&1; then
      rm -rf "$staging"
      kl_fail "could not fetch the Kafka jars with Maven; see $mvn_log"
    fi
  fi
  touch "$staging/.complete"
  rm -rf "$KAFKA_LOCAL_LIBS"
  mv "$staging" "$KAFKA_LOCAL_LIBS"
  rm -f "$mvn_log"
}

# Runs one of Apache Kafka's command-line classes from the cached jars, logging warnings only.
kl_run_tool() {
  local main_class="$1"
  shift
  # UTF-8 whatever the locale, so text survives the trip through the console tools.
  "$(kl_java)" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 \
    "-Dlog4j2.configurationFile=$KAFKA_LOCAL_BIN_DIR/tools-log4j2.properties" \
    -cp "$KAFKA_LOCAL_LIBS/*" "$main_class" "$@"
}

# True when something accepts TCP connections on localhost:port.
kl_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
