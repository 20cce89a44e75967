package io.tributary.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * tributary-VERSION.tgz as a user gets it: unpacked into a folder, run with only a JDK (Maven is not on the
 * PATH), against a real broker.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DistributionIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static UnpackedDistribution distribution;

    @BeforeAll
    static void unpack() throws Exception {
        distribution = UnpackedDistribution.unpack(dir);
    }

    @Test
    void layoutIsApachesWithExecutableScriptsAnEmptyPluginsFolderAndTheBundledJarsListed() throws IOException {
        Path home = distribution.home;
        assertThat(home.getFileName().toString()).matches("tributary-.+");
        for (String script : List.of("bin/connect-standalone.sh", "bin/connect-distributed.sh",
                "bin/connect-mirror-maker.sh", "bin/lib/launcher.sh")) {
            assertThat(Files.isExecutable(home.resolve(script))).as(script).isTrue();
        }
        assertThat(home.resolve("plugins")).isEmptyDirectory();
        assertThat(home.resolve("config/connect-standalone.properties")).content().contains("\nplugin.path=plugins\n");
        List<String> jars;
        try (var libs = Files.list(home.resolve("libs"))) {
            jars = libs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
        assertThat(jars).anyMatch(n -> n.startsWith("connect-runtime-")).anyMatch(n -> n.startsWith("connect-file-"))
                .anyMatch(n -> n.startsWith("kafka-clients-")).noneMatch(n -> n.contains("-tests") || n.contains("junit"));
        String license = Files.readString(home.resolve("LICENSE"));
        assertThat(jars).allSatisfy(jar -> assertThat(license).contains(jar));
        assertThat(license).doesNotContain("see the license files inside the jar");
        assertThat(home.resolve("NOTICE")).isRegularFile();
    }

    @Test
    void standaloneWorkerFromTheUnpackedArchiveMovesAFileEndToEndWithoutMaven(KafkaBroker broker) throws Exception {
        String topic = "dist-" + UUID.randomUUID().toString().substring(0, 8);
        broker.createTopic(topic, 1);
        Path work = Files.createDirectories(dir.resolve("standalone"));
        Path input = work.resolve("input.txt");
        Path output = work.resolve("output.txt");
        String lines = IntStream.rangeClosed(1, 500).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        Files.writeString(input, lines);
        int port = UnpackedDistribution.freePort();
        Path worker = distribution.sample("connect-standalone.properties", Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "listeners", "http://127.0.0.1:" + port,
                "offset.storage.file.filename", work.resolve("offsets").toString(),
                "offset.flush.interval.ms", "1000"), work.resolve("worker.properties"));
        Path source = distribution.sample("connect-file-source.properties",
                Map.of("file", input.toString(), "topic", topic), work.resolve("source.properties"));
        Path sink = distribution.sample("connect-file-sink.properties",
                Map.of("file", output.toString(), "topics", topic), work.resolve("sink.properties"));

        // Started from a directory outside the installation: the first start still maps the CDS archive the
        // build shipped, since the class path names the jars the same way for every installation.
        Process process = distribution.script(distribution.home.resolve("bin/connect-standalone.sh"), work,
                Map.of("LOG_DIR", work.resolve("logs").toString()),
                worker.toString(), source.toString(), sink.toString())
                .redirectOutput(work.resolve("console.out").toFile()).start();
        try {
            await("every line in the sink file").atMost(STARTUP).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(output) && Files.readString(output).equals(lines));
            assertThat(get(port, "/connectors/local-file-sink/status")).contains("\"state\":\"RUNNING\"");
            List<String> args = List.of(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).split("\0"));
            assertThat(args).contains("-XX:SharedArchiveFile=" + distribution.home.resolve("libs/cds/worker.jsa"));
            assertThatTheShippedArchiveMapsFrom(work, args.get(args.indexOf("-cp") + 1));
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(work.resolve("console.out")))
                .doesNotContain("Skipping plugin.path entry").doesNotContain("building the worker jars");
        assertThat(distribution.mavenTrap).doesNotExist();
        assertThat(work.resolve("logs/connect.log")).isRegularFile();
    }

    /**
     * A JVM with strict sharing (-Xshare:on fails instead of falling back) started from {@code workingDir} with
     * the worker's class path and the launcher's descriptor on the installation maps the shipped archive.
     */
    private static void assertThatTheShippedArchiveMapsFrom(Path workingDir, String classpath) throws Exception {
        Process check = new ProcessBuilder("bash", "-c", "exec 77<\"$1\" && exec \"$2\" -Xshare:on \"$3\" -cp \"$4\" -version",
                "check", distribution.home.toString(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + distribution.home.resolve("libs/cds/worker.jsa"), classpath)
                .directory(workingDir.toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(classpath).as("the class path names the installation's jars location-independently")
                .startsWith("/proc/self/fd/77/libs/connect-runtime-");
    }

    @Test
    void daemonThroughASymlinkHonoursLogDirHeapClasspathLoggingAndGcLogOptions(KafkaBroker broker) throws Exception {
        Path work = Files.createDirectories(dir.resolve("daemon"));
        Path link = Files.createSymbolicLink(Files.createDirectories(work.resolve("links")).resolve("connect-standalone"),
                distribution.home.resolve("bin/connect-standalone.sh"));
        Path extra = Files.createDirectories(work.resolve("extra-classes"));
        Path logDir = work.resolve("var-log");
        Path logback = Files.writeString(work.resolve("custom-logback.xml"), """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>${tributary.log.dir}/custom.log</file>
                    <encoder><pattern>%msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """);
        int port = UnpackedDistribution.freePort();
        Path worker = distribution.sample("connect-standalone.properties", Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "listeners", "http://127.0.0.1:" + port,
                "offset.storage.file.filename", work.resolve("offsets").toString()), work.resolve("worker.properties"));

        Process script = distribution.script(link, work, Map.of(
                "LOG_DIR", logDir.toString(),
                "KAFKA_HEAP_OPTS", "-Xms64m -Xmx321m",
                "KAFKA_OPTS", "-Dtributary.it.marker=daemon",
                "KAFKA_LOG4J_OPTS", "-Dlogback.configurationFile=" + logback,
                "CLASSPATH", extra.toString()), "-daemon", "-loggc", worker.toString()).start();
        String said = new String(script.getInputStream().readAllBytes());
        assertThat(script.waitFor(30, TimeUnit.SECONDS)).as("-daemon returns at once").isTrue();
        assertThat(script.exitValue()).as(said).isZero();
        Matcher pid = Pattern.compile("pid (\\d+)").matcher(said);
        assertThat(pid.find()).as(said).isTrue();
        ProcessHandle daemon = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
        try {
            await("the daemon's REST API").atMost(STARTUP).ignoreExceptions().until(() -> get(port, "/").contains("version"));
            List<String> args = List.of(Files.readString(Path.of("/proc", pid.group(1), "cmdline")).split("\0"));
            assertThat(args).contains("-Xmx321m", "-Dtributary.it.marker=daemon", "-Dlogback.configurationFile=" + logback);
            assertThat(args.get(args.indexOf("-cp") + 1)).startsWith(extra + ":");
            assertThat(logDir.resolve("connectStandalone.out")).isRegularFile();
            assertThat(logDir.resolve("connectStandalone-gc.log")).isRegularFile();
            await("the custom Logback file's log").atMost(STARTUP)
                    .until(() -> Files.exists(logDir.resolve("custom.log")) && Files.size(logDir.resolve("custom.log")) > 0);
        } finally {
            daemon.destroy();
            daemon.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(distribution.mavenTrap).doesNotExist();
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
