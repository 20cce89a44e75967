package io.tributary.connect.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Tributary worker running as a real OS process, started through {@code bin/connect-standalone.sh}
 * exactly as a user would, so end-to-end tests exercise the script, the JVM flags and signals too.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final Path HOME = Path.of(System.getProperty("tributary.home", "..")).toAbsolutePath().normalize();

    private final Process process;
    private final Path output;
    private final URI restUrl;

    private WorkerProcess(Process process, Path output, URI restUrl) {
        this.process = process;
        this.output = output;
        this.restUrl = restUrl;
    }

    /**
     * Writes the worker and connector configs into {@code dir} and starts a standalone worker on a
     * free REST port. Connector maps are written as .properties files, in order.
     */
    public static WorkerProcess startStandalone(Path dir, Map<String, String> workerProps,
                                                List<Map<String, String>> connectors) {
        return startStandalone(dir, workerProps, connectors, Map.of());
    }

    /** As above, with extra environment variables for the launcher (e.g. another TRIBUTARY_LIB_DIR). */
    public static WorkerProcess startStandalone(Path dir, Map<String, String> workerProps,
                                                List<Map<String, String>> connectors, Map<String, String> env) {
        int port = freePort();
        Map<String, String> worker = new LinkedHashMap<>(workerProps);
        worker.putIfAbsent("listeners", "http://localhost:" + port);
        List<String> args = new ArrayList<>();
        args.add(write(dir.resolve("worker.properties"), worker).toString());
        for (int i = 0; i < connectors.size(); i++) {
            args.add(write(dir.resolve("connector-" + i + ".properties"), connectors.get(i)).toString());
        }
        return start(dir, "connect-standalone.sh", args, URI.create("http://localhost:" + port), env);
    }

    /**
     * Writes the worker config into {@code dir} and starts a distributed worker through
     * bin/connect-distributed.sh on a free REST port (unless the props name listeners).
     */
    public static WorkerProcess startDistributed(Path dir, Map<String, String> workerProps) {
        return startDistributed(dir, workerProps, Map.of());
    }

    /** As above, with extra environment variables for the launcher (e.g. KAFKA_OPTS). */
    public static WorkerProcess startDistributed(Path dir, Map<String, String> workerProps, Map<String, String> env) {
        int port = freePort();
        Map<String, String> worker = new LinkedHashMap<>(workerProps);
        worker.putIfAbsent("listeners", "http://localhost:" + port);
        URI url = URI.create(worker.get("listeners").split(",")[0].trim());
        Path file = write(dir.resolve("distributed-" + url.getPort() + ".properties"), worker);
        return start(dir, "connect-distributed.sh", List.of(file.toString()), url, env);
    }

    /**
     * Apache Kafka Connect 4.1.1's own distributed worker (through tools/apache-connect/run.sh), as the
     * reference that differential tests compare Tributary against.
     */
    public static WorkerProcess startApacheDistributed(Path dir, Map<String, String> workerProps,
                                                       Map<String, String> env) {
        int port = freePort();
        Map<String, String> worker = new LinkedHashMap<>(workerProps);
        worker.putIfAbsent("listeners", "http://localhost:" + port);
        URI url = URI.create(worker.get("listeners").split(",")[0].trim());
        Path file = write(dir.resolve("apache-distributed-" + url.getPort() + ".properties"), worker);
        return launch(dir, HOME.resolve("tools").resolve("apache-connect").resolve("run.sh"),
                List.of("distributed", file.toString()), url, env);
    }

    /** Starts a worker with argument files the test wrote itself (e.g. to test bad files). */
    public static WorkerProcess start(Path dir, String script, List<String> args, URI restUrl,
                                      Map<String, String> extraEnv) {
        return launch(dir, HOME.resolve("bin").resolve(script), args, restUrl, extraEnv);
    }

    private static WorkerProcess launch(Path dir, Path script, List<String> args, URI restUrl,
                                        Map<String, String> extraEnv) {
        Path output = dir.resolve("worker-" + System.nanoTime() + ".out");
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(script.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("TRIBUTARY_HOME", HOME.toString());
        String libDir = System.getProperty("tributary.lib.dir");
        if (libDir != null) {
            env.put("TRIBUTARY_LIB_DIR", libDir);
        }
        env.put("LOG_DIR", dir.resolve("logs").toString());
        env.putIfAbsent("KAFKA_HEAP_OPTS", "-Xms64m -Xmx384m");
        env.putAll(extraEnv);
        try {
            return new WorkerProcess(builder.start(), output, restUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    public URI restUrl() {
        return restUrl;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the REST API answers GET / with 200; fails early, with the output, if the process dies. */
    public WorkerProcess awaitReady(Duration timeout) {
        return awaitReady(timeout, new RestClient(restUrl));
    }

    /** As above, asking through {@code client}, e.g. one that sends the credentials a REST extension demands. */
    public WorkerProcess awaitReady(Duration timeout, RestClient client) {
        awaitCondition(timeout, "the worker's REST API at " + restUrl, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("worker exited with " + process.exitValue() + " before it was ready:\n" + output());
            }
            return client.isUp();
        });
        return this;
    }

    /** SIGTERM: the graceful shutdown path. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: nothing runs after this, so only what was already durable survives. */
    public void kill() {
        process.destroyForcibly();
    }

    /** SIGSTOP / SIGCONT: freezes the JVM (threads, sockets, heartbeats) and lets it go on, like a long GC pause. */
    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("worker did not exit within " + timeout + "; output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Everything the process printed so far (stdout and stderr). */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<no output: " + e + ">";
        }
    }

    /** Stops the worker gracefully (so it leaves consumer groups), killing it only if it hangs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Polls {@code condition} every 100 ms until it holds or {@code timeout} passes. */
    public static void awaitCondition(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    public static Path write(Path file, Map<String, String> props) {
        Properties properties = new Properties();
        properties.putAll(props);
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
