# Shared by the connect-*.sh launchers: finds java and Tributary's jars and starts a worker main
# class the way Apache Kafka's scripts do (same environment variables). Sourced, not run.

# The real location of this file, so that scripts reached through symbolic links find their home.
TRIBUTARY_BIN_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
TRIBUTARY_HOME="${TRIBUTARY_HOME:-$(cd "$TRIBUTARY_BIN_DIR/.." && pwd)}"
# The worker's class path. An unpacked distribution (tributary-VERSION.tgz) has every jar in libs/,
# as Apache Kafka's does; a source checkout has connect-runtime's jar in its target/ and, beside it in
# lib/, every runtime dependency, both put there by `mvn package` (see connect-runtime/pom.xml).
if [[ -z "${TRIBUTARY_LIB_DIR:-}" && -d "$TRIBUTARY_HOME/libs" ]]; then
  TRIBUTARY_DISTRIBUTION=true
  TRIBUTARY_LIB_DIR="$TRIBUTARY_HOME/libs"
  TRIBUTARY_RUNTIME_JAR_DIR="${TRIBUTARY_RUNTIME_JAR_DIR:-$TRIBUTARY_LIB_DIR}"
else
  TRIBUTARY_DISTRIBUTION=false
  TRIBUTARY_LIB_DIR="${TRIBUTARY_LIB_DIR:-$TRIBUTARY_HOME/connect-runtime/target/lib}"
  TRIBUTARY_RUNTIME_JAR_DIR="${TRIBUTARY_RUNTIME_JAR_DIR:-$(dirname "$TRIBUTARY_LIB_DIR")}"
fi

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
  # A distribution is never built here: its servers have no Maven.
  $TRIBUTARY_DISTRIBUTION && tr_fail "no connect-runtime jar in $TRIBUTARY_LIB_DIR: unpack the distribution again"
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

# Class data sharing (CDS). The first start of a build records the classes it loaded into an archive when
# the JVM exits; later starts map that archive instead of loading, parsing and verifying those classes again
# (about a quarter less CPU to start a distributed worker). An archive is only ever used after a separate
# JVM mapped it successfully, because the JVM may crash on a damaged one (e.g. a dump cut short by kill -9).
# TRIBUTARY_CDS=false turns this off; TRIBUTARY_CDS_DIR says where archives live (default .local/cds).
# Prints the JVM options to use, if any.
tr_cds_options() {
  local java="$1" classpath="$2" main_class="$3" jvm_opts="$4"
  [[ "${TRIBUTARY_CDS:-true}" == true ]] || return 0
  tr_shipped_cds_options "$java" "$classpath" "$jvm_opts" && return 0
  local dir="${TRIBUTARY_CDS_DIR:-$TRIBUTARY_HOME/.local/cds}"
  mkdir -p "$dir" 2>/dev/null && [[ -w "$dir" ]] || return 0
  # What an archive depends on: the JVM, the JVM options, and every jar (path, size, modification time).
  local key
  key="$( { readlink -f "$java"; stat -L -c '%s %Y' "$(readlink -f "$java")"; echo "$jvm_opts $classpath";
            ls -lL --time-style=+%s "$(tr_runtime_jar)" "$TRIBUTARY_LIB_DIR"; } 2>/dev/null | cksum | cut -d' ' -f1)"
  local prefix="$dir/${main_class##*.}-" archive="$dir/${main_class##*.}-$key.jsa"
  # Dumps carry a checksum, which the trial mapping verifies; regular starts skip that cost.
  local quiet="-Xlog:cds*=off"
  if [[ ! -f "$archive" ]]; then
    local dump now; now="$(date +%s)"
    for dump in "$archive".*.tmp; do
      [[ -f "$dump" ]] || continue
      # A dump written in the last half minute may still be in progress; a later start looks again.
      (( now - $(stat -c %Y "$dump" 2>/dev/null || echo "$now") > 30 )) || continue
      if "$java" $quiet -XX:+VerifySharedSpaces -Xshare:on "-XX:SharedArchiveFile=$dump" -cp "$classpath" -version >/dev/null 2>&1; then
        # Other dumps of the same classes are not needed (one still being written just ends up unlinked).
        mv -f "$dump" "$archive" && rm -f "$archive".*.tmp
        break
      fi
      rm -f "$dump"
    done
  fi
  if [[ -f "$archive" ]]; then
    # Several setups (JVM options, builds) may take turns: keep the three archives used last.
    touch "$archive" 2>/dev/null
    ls -t "$prefix"*.jsa 2>/dev/null | tail -n +4 | while read -r old; do rm -f "$old"; done
    find "$dir" -name '*.tmp' -mmin +60 -delete 2>/dev/null
    echo "$quiet -XX:SharedArchiveFile=$archive"
  else
    echo "$quiet -XX:+VerifySharedSpaces -XX:ArchiveClassesAtExit=$archive.$$-$RANDOM.tmp"
  fi
}

# The archive a distribution ships (libs/cds/worker.jsa, dumped by `mvn package` from a worker started with
# this launcher), so that even the first start maps its classes. Java 17 only accepts it for the class path
# string it was dumped with; on Linux that string is the same for every installation (see
# tr_worker_classpath), so it applies with the same JVM release and JVM options wherever the distribution was
# unpacked and whatever the current directory; otherwise the archives of tr_cds_options are made locally.
# TRIBUTARY_CDS_DUMP=FILE (used by the build) writes such an archive and its key instead.
tr_shipped_cds_options() {
  local java="$1" classpath="$2" jvm_opts="$3"
  local release; release="$(dirname "$(dirname "$(readlink -f "$java")")")/release"
  local key; key="$(grep -s '^JAVA_RUNTIME_VERSION=' "$release") $jvm_opts $classpath"
  if [[ -n "${TRIBUTARY_CDS_DUMP:-}" ]]; then
    mkdir -p "$(dirname "$TRIBUTARY_CDS_DUMP")" && echo "$key" >"$TRIBUTARY_CDS_DUMP.key"
    echo "-Xlog:cds*=off -XX:ArchiveClassesAtExit=$TRIBUTARY_CDS_DUMP"
    return 0
  fi
  local archive="$TRIBUTARY_LIB_DIR/cds/worker.jsa"
  $TRIBUTARY_DISTRIBUTION && [[ -f "$archive" && "$(cat "$archive.key" 2>/dev/null)" == "$key" ]] || return 1
  echo "-Xlog:cds*=off -XX:SharedArchiveFile=$archive"
}

# Remote JMX as Apache's scripts offer it: JMX_PORT opens it on that port (RMI on the same port unless
# JMX_RMI_PORT or KAFKA_JMX_OPTS names one), with KAFKA_JMX_OPTS or, unset, no authentication and no TLS. Without
# JMX_PORT only an explicit KAFKA_JMX_OPTS is passed: the JVM's local attach needs no flags, and
# starting the management agent eagerly would only slow every start down.
tr_jmx_options() {
  local opts="${KAFKA_JMX_OPTS:-}"
  if [[ -n "${JMX_PORT:-}" ]]; then
    [[ -n "$opts" ]] || opts="-Dcom.sun.management.jmxremote -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false"
    opts="$opts -Dcom.sun.management.jmxremote.port=$JMX_PORT"
    [[ "$opts" == *"-Dcom.sun.management.jmxremote.rmi.port="* ]] \
      || opts="$opts -Dcom.sun.management.jmxremote.rmi.port=${JMX_RMI_PORT:-$JMX_PORT}"
  fi
  echo "$opts"
}

# Whether the class path can name the installation's jars through /proc/self/fd (Linux, the default libs/).
tr_home_descriptor_usable() {
  [[ -d /proc/self/fd && "$TRIBUTARY_LIB_DIR" == "$TRIBUTARY_HOME/libs" ]]
}

# Opens descriptor TR_HOME_FD on the installation directory; java inherits it, so /proc/self/fd/N/libs/...
# in its class path reaches this installation's jars.
tr_open_home_descriptor() {
  $TRIBUTARY_DISTRIBUTION && tr_home_descriptor_usable || return 0
  eval "exec $TR_HOME_FD<\"\$TRIBUTARY_HOME\"" || tr_fail "cannot open $TRIBUTARY_HOME"
}

# The worker's class path: CLASSPATH first when set (as Apache's kafka-run-class.sh puts it), then
# connect-runtime's jar, then its dependencies. A distribution lists them one by one in name order and, on
# Linux, names them through a descriptor the launcher holds open on the installation directory
# (/proc/self/fd/N/libs/...; see tr_open_home_descriptor): the class path is then the same string for
# every installation and current directory, so the shipped CDS archive matches it.
TR_HOME_FD=77
tr_worker_classpath() {
  local runtime_jar; runtime_jar="$(tr_runtime_jar)"
  local classpath="$runtime_jar" jar
  if $TRIBUTARY_DISTRIBUTION; then
    for jar in "$TRIBUTARY_LIB_DIR"/*.jar; do
      [[ "$jar" == "$runtime_jar" ]] || classpath="$classpath:$jar"
    done
    if tr_home_descriptor_usable; then
      classpath="${classpath//"$TRIBUTARY_HOME/libs/"/"/proc/self/fd/$TR_HOME_FD/libs/"}"
    fi
  else
    classpath="$classpath:$TRIBUTARY_LIB_DIR/*"
  fi
  echo "${CLASSPATH:+$CLASSPATH:}$classpath"
}

# Logging options. Tributary logs through Logback (config/connect-logback.xml, or TRIBUTARY_LOG_CONFIG).
# KAFKA_LOG4J_OPTS replaces that default as it replaces Apache's, so it may hold
# -Dlogback.configurationFile=...; one that only names a log4j file cannot configure Logback, so it is
# reported and the default is kept.
# Sets TR_LOG_OPTS (an array, so an installation path with spaces stays one argument).
tr_log_options() {
  local log_config="${TRIBUTARY_LOG_CONFIG:-$TRIBUTARY_HOME/config/connect-logback.xml}"
  TR_LOG_OPTS=()
  if [[ -n "${KAFKA_LOG4J_OPTS:-}" ]]; then
    # shellcheck disable=SC2206 # several options by design, as Apache's scripts split it
    TR_LOG_OPTS=($KAFKA_LOG4J_OPTS)
    [[ "$KAFKA_LOG4J_OPTS" == *"-Dlogback.configurationFile="* ]] && return 0
    echo "tributary: warning: KAFKA_LOG4J_OPTS names no Logback file (-Dlogback.configurationFile=...): Tributary logs" \
         "with Logback, so $log_config is used; its other options are passed on" >&2
  fi
  [[ -f "$log_config" ]] || tr_fail "logging config $log_config does not exist (TRIBUTARY_LOG_CONFIG)"
  TR_LOG_OPTS+=("-Dlogback.configurationFile=$log_config")
}

# Runs a main class with Apache's knobs: KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_OPTS,
# JMX_PORT and KAFKA_JMX_OPTS, LOG_DIR, KAFKA_LOG4J_OPTS (see tr_log_options), CLASSPATH, and -daemon, -loggc and
# -name NAME as the first arguments.
tr_run_main() {
  local main_class="$1" default_name="$2"
  shift 2
  local daemon=false name="$default_name" gc_log=false
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -daemon) daemon=true; shift ;;
      -loggc) gc_log=true; shift ;;
      -name) name="$2"; shift 2 ;;
      *) break ;;
    esac
  done
  tr_ensure_built
  local java; java="$(tr_java)"
  local log_dir="${LOG_DIR:-$TRIBUTARY_HOME/logs}"
  mkdir -p "$log_dir"
  tr_log_options
  local heap="${KAFKA_HEAP_OPTS:--Xms128m -Xmx1g}"
  # A worker keeps little live data (configs, statuses, records in flight) and allocates short-lived
  # objects fast. The serial collector copies the few survivors of each young collection and touches no
  # more heap than it needs; G1 grew the heap towards -Xmx under load (over 800 MB resident on the
  # benchmark against under 300 MB) and its concurrent work competed with the tasks for the cores.
  # Survivor spaces as large as eden keep records that are in flight for a few collections (a batch
  # awaiting its acknowledgement or its put) out of the old generation, which otherwise filled with
  # them until a full collection. KAFKA_JVM_PERFORMANCE_OPTS replaces all this, e.g. with G1 for
  # heaps of several GB.
  local perf="${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC -XX:SurvivorRatio=1 -XX:TargetSurvivorRatio=90 -Djava.awt.headless=true}"
  tr_open_home_descriptor
  local classpath; classpath="$(tr_worker_classpath)"
  # Where plugin class scans are remembered for the next start on the same jars; empty turns it off.
  local scan_cache="${TRIBUTARY_PLUGIN_SCAN_CACHE-$TRIBUTARY_HOME/.local/plugin-scan}"
  local jmx; jmx="$(tr_jmx_options)"
  # -loggc: the collector's log in $LOG_DIR/NAME-gc.log, rotated, as with Apache's scripts (KAFKA_GC_LOG_OPTS replaces it).
  local gc=""
  $gc_log && gc="${KAFKA_GC_LOG_OPTS:--Xlog:gc*:file=$log_dir/$name-gc.log:time,tags:filecount=10,filesize=100M}"
  local cds; cds="$(tr_cds_options "$java" "$classpath" "$main_class" "$heap $perf $jmx ${KAFKA_OPTS:-}")"
  # shellcheck disable=SC2086 # the *_OPTS variables hold several words by design
  local cmd=("$java" $heap $perf $cds $jmx $gc ${KAFKA_OPTS:-}
             "${TR_LOG_OPTS[@]}" "-Dtributary.log.dir=$log_dir" "-Dtributary.home=$TRIBUTARY_HOME"
             "-Dtributary.plugin.scan.cache=$scan_cache"
             -cp "$classpath" "$main_class" "$@")
  if $daemon; then
    nohup "${cmd[@]}" >"$log_dir/$name.out" 2>&1 </dev/null &
    echo "tributary: started $name in the background (pid $!); output in $log_dir/$name.out"
  else
    exec "${cmd[@]}"
  fi
}
