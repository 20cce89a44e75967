package io.tributary.connect.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one process) running as its own OS
 * process through {@code bin/kafka-local.sh}, for tests that take the broker away as production does:
 * a graceful {@link #stop()} (SIGTERM) or a {@link #kill()} (SIGKILL). It keeps its ports and data
 * directory for its whole life, so {@link #start()} brings back the same broker at the same address.
 *
 * <p>Use the in-process {@link KafkaCluster} unless the test needs a broker process to die: this one
 * starts in seconds, not milliseconds, and the first start on a machine may fetch the Kafka jars
 * through Maven.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final String HEAP_OPTS = "-Xms128m -Xmx512m";
    /** After a SIGKILL the restarted controller waits out the old broker's session (9 s) first. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final int extraPort;
    private final KafkaLocalScript script;

    /** A broker that will keep its data, config, pid file and log in {@code dataDir}; not started yet. */
    public KafkaBrokerProcess(Path dataDir) {
        this(dataDir, null, Map.of());
    }

    /**
     * A broker with a second client listener besides PLAINTEXT, named after its security protocol (e.g.
     * {@code SASL_SSL}) on a port of its own, set up by extra server settings such as
     * {@code listener.name.sasl_ssl.ssl.keystore.location} or {@code sasl.enabled.mechanisms}. PLAINTEXT stays
     * for administration (e.g. creating SCRAM users) and between broker and controller.
     */
    public KafkaBrokerProcess(Path dataDir, String extraListenerProtocol, Map<String, String> extraServerConfig) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = freePortOutsideEphemeralRange(-1);
        int controllerPort = freePortOutsideEphemeralRange(port);
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_HEAP_OPTS", HEAP_OPTS,
                "KAFKA_LOCAL_START_TIMEOUT", String.valueOf(START_TIMEOUT.toSeconds())));
        if (extraListenerProtocol != null) {
            int candidate;
            do {
                candidate = freePortOutsideEphemeralRange(port);
            } while (candidate == controllerPort);
            this.extraPort = candidate;
            env.put("KAFKA_LOCAL_EXTRA_LISTENERS", extraListenerProtocol + "://localhost:" + extraPort);
        } else {
            this.extraPort = -1;
        }
        if (!extraServerConfig.isEmpty()) {
            env.put("KAFKA_LOCAL_EXTRA_CONFIG", writeExtraConfig(extraServerConfig).toString());
        }
        this.script = new KafkaLocalScript(port, controllerPort, this.dataDir, env);
    }

    /** The PLAINTEXT listener. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The second listener of a broker made with one. */
    public String extraListenerBootstrapServers() {
        if (extraPort < 0) {
            throw new IllegalStateException("the broker at " + bootstrapServers() + " has no second listener");
        }
        return "localhost:" + extraPort;
    }

    private Path writeExtraConfig(Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        settings.forEach((key, value) -> text.append(key).append('=')
                .append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n'));
        try {
            Files.createDirectories(dataDir);
            return Files.writeString(dataDir.resolve("extra-server.properties"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the broker's extra settings in " + dataDir, e);
        }
    }

    /** The broker's own log, to point at when something went wrong. */
    public Path logFile() {
        return dataDir.resolve("logs/kafka.log");
    }

    /**
     * Starts the broker (formatting the data directory on first use) and returns once it answers
     * clients. Does nothing if it is already running.
     */
    public void start() {
        long startedAt = System.nanoTime();
        run("start");
        log.info("Kafka broker process at {} is up (pid {}) after {} ms", bootstrapServers(),
                pid().orElse(-1), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    }

    /** SIGTERM through the script: the broker shuts down cleanly. Returns once the process is gone. */
    public void stop() {
        OptionalLong pid = pid();
        run("stop");
        if (pid.isPresent()) {
            awaitGone(pid.getAsLong());
        }
    }

    /**
     * SIGKILL: the broker ends without any shutdown, like a crashed process (what it already wrote
     * stays with the OS). Returns once the process is gone. The pid file stays behind; the script's next start sees that its process is dead and
     * ignores it.
     */
    public void kill() {
        OptionalLong found = pid();
        if (found.isEmpty() || hasExited(found.getAsLong())) {
            throw new IllegalStateException("cannot kill the broker at " + bootstrapServers() + ": it is not running");
        }
        long pid = found.getAsLong();
        if (!isOurBroker(pid)) {
            throw new IllegalStateException("cannot kill the broker at " + bootstrapServers() + ": pid " + pid
                    + " in " + pidFile() + " is not its process");
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitGone(pid);
        log.info("Kafka broker process at {} (pid {}) killed", bootstrapServers(), pid);
    }

    /** Stops the broker if it runs; problems are logged, not thrown, so that cleanup goes on. */
    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.warn("Could not stop the Kafka broker process at {}; see {}", bootstrapServers(), logFile(), e);
        }
    }

    private void run(String command) {
        KafkaLocalScript.Result result;
        try {
            result = script.run(command);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run kafka-local.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running kafka-local.sh " + command, e);
        }
        if (result.exitCode() != 0) {
            throw new IllegalStateException("kafka-local.sh " + command + " for the broker at " + bootstrapServers()
                    + " exited with " + result.exitCode() + ":\n" + result.output() + "broker log: " + logFile());
        }
    }

    private Path pidFile() {
        return dataDir.resolve("kafka.pid");
    }

    private OptionalLong pid() {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile(), StandardCharsets.UTF_8).trim()));
        } catch (NoSuchFileException | NumberFormatException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script's own test: the process's command line names this data directory's config file. */
    private boolean isOurBroker(long pid) {
        try {
            String commandLine = readProcFile(Path.of("/proc", String.valueOf(pid), "cmdline"));
            return commandLine.contains(dataDir.resolve("server.properties").toString());
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitGone(long pid) {
        long deadline = System.nanoTime() + EXIT_TIMEOUT.toNanos();
        while (!hasExited(pid)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker process " + pid + " at " + bootstrapServers()
                        + " was still running " + EXIT_TIMEOUT.toSeconds() + " s after it was told to end");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker process " + pid, e);
            }
        }
    }

    /**
     * True once the process is gone, or is a zombie whose other threads have ended too (only then are
     * its sockets closed). The broker's parent, the script, has exited, so whoever adopted it reaps
     * it, and in some containers nobody does for a while.
     */
    private static boolean hasExited(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        try (Stream<Path> threads = Files.list(proc.resolve("task"))) {
            String stat = readProcFile(proc.resolve("stat"));
            // The state letter follows the command name, which is in parentheses.
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z") && threads.count() <= 1;
        } catch (IOException | RuntimeException gone) {
            return true;
        }
    }

    /**
     * A free port below the range the kernel picks local ports of outgoing connections from. The
     * broker's ports stay unbound while it is away, and a client's reconnect attempts must not be
     * able to take one of them in that time.
     */
    private static int freePortOutsideEphemeralRange(int notThisOne) {
        int lowest = 10_000;
        int ephemeralStart = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200 && ephemeralStart > lowest + 1_000; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(lowest, ephemeralStart);
            if (candidate != notThisOne && isFree(candidate)) {
                return candidate;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = readProcFile(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /**
     * Reads a /proc file in large chunks: Files.readString starts with a one-byte read there (the
     * files report size 0), and sysctl files answer a read at a later offset with end of file.
     */
    private static String readProcFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
