# Shared by the connect-*.sh launchers: finds java and Tributary's jars and starts a worker main
# class the way Apache Kafka's scripts do (same environment variables). Sourced, not run.

TRIBUTARY_BIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRIBUTARY_HOME="${TRIBUTARY_HOME:-$(cd "$TRIBUTARY_BIN_DIR/.." && pwd)}"
# The worker's class path: connect-runtime's jar and, beside it in lib/, every runtime dependency,
# both put there by `mvn package` (see connect-runtime/pom.xml).
TRIBUTARY_LIB_DIR="${TRIBUTARY_LIB_DIR:-$TRIBUTARY_HOME/connect-runtime/target/lib}"
TRIBUTARY_RUNTIME_JAR_DIR="${TRIBUTARY_RUNTIME_JAR_DIR:-$(dirname "$TRIBUTARY_LIB_DIR")}"

tr_runtime_jar() {
  local jar
  for jar in "$TRIBUTARY_RUNTIME_JAR_DIR"/connect-runtime-*.jar; do
    [[ -f "$jar" && "$jar" != *-tests.jar && "$jar" != *-sources.jar ]] && { echo "$jar"; return 0; }
  done
  return 1
}

tr_fail() { echo "tributary: error: $*" >&2; exit 1; }

tr_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    tr_fail "java not found: install a Java 17+ runtime or set JAVA_HOME"
  fi
}

# Builds the jars once from this checkout when they are missing, so a fresh clone just works.
tr_ensure_built() {
  [[ -d "$TRIBUTARY_LIB_DIR" ]] && tr_runtime_jar >/dev/null && return 0
  command -v mvn >/dev/null 2>&1 ||
    tr_fail "Tributary is not built ($TRIBUTARY_LIB_DIR is missing) and mvn is not installed to build it"
  echo "tributary: building the worker jars (first use only; 'mvn -q package -DskipTests' rebuilds)" >&2
  local log="$TRIBUTARY_HOME/.local/build.log"
  mkdir -p "$(dirname "$log")"
  # GET / reports the commit the worker was built from, as Apache's does.
  local commit; commit="$(git -C "$TRIBUTARY_HOME" rev-parse --short=16 HEAD 2>/dev/null || echo unknown)"
  mvn -B -q -f "$TRIBUTARY_HOME/pom.xml" -DskipTests "-Dtributary.commit=$commit" -pl connect-runtime -am package >"$log" 2>&1 ||
    tr_fail "the build failed; see $log"
}

# Runs a main class with Apache's knobs: KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_OPTS,
# LOG_DIR, and -daemon [-name NAME] as the first arguments. TRIBUTARY_LOG_CONFIG names another
# Logback configuration file (Apache's KAFKA_LOG4J_OPTS points at log4j, which we do not use).
tr_run_main() {
  local main_class="$1" default_name="$2"
  shift 2
  local daemon=false name="$default_name"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -daemon) daemon=true; shift ;;
      -name) name="$2"; shift 2 ;;
      *) break ;;
    esac
  done
  tr_ensure_built
  local java; java="$(tr_java)"
  local log_dir="${LOG_DIR:-$TRIBUTARY_HOME/logs}"
  mkdir -p "$log_dir"
  local log_config="${TRIBUTARY_LOG_CONFIG:-$TRIBUTARY_HOME/config/connect-logback.xml}"
  [[ -f "$log_config" ]] || tr_fail "logging config $log_config does not exist (TRIBUTARY_LOG_CONFIG)"
  local heap="${KAFKA_HEAP_OPTS:--Xms128m -Xmx1g}"
  local perf="${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true}"
  # shellcheck disable=SC2086 # the *_OPTS variables hold several words by design
  local cmd=("$java" $heap $perf ${KAFKA_OPTS:-}
             "-Dlogback.configurationFile=$log_config" "-Dtributary.log.dir=$log_dir"
             -cp "$(tr_runtime_jar):$TRIBUTARY_LIB_DIR/*" "$main_class" "$@")
  if $daemon; then
    nohup "${cmd[@]}" >"$log_dir/$name.out" 2>&1 </dev/null &
    echo "tributary: started $name in the background (pid $!); output in $log_dir/$name.out"
  else
    exec "${cmd[@]}"
  fi
}
