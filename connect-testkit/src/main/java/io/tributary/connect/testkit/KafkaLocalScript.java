package io.tributary.connect.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs bin/kafka-local.sh as a real process with its own ports and data directory. */
final class KafkaLocalScript {

    /** Generous because the first start may fetch the Kafka jars through Maven. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private final Path script;
    private final Map<String, String> environment;

    KafkaLocalScript(int port, int controllerPort, Path dataDir) {
        this(port, controllerPort, dataDir, Map.of());
    }

    /** {@code extraEnvironment} adds other variables the script reads, e.g. KAFKA_HEAP_OPTS. */
    KafkaLocalScript(int port, int controllerPort, Path dataDir, Map<String, String> extraEnvironment) {
        this.script = findScript();
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.put("KAFKA_LOCAL_PORT", String.valueOf(port));
        env.put("KAFKA_LOCAL_CONTROLLER_PORT", String.valueOf(controllerPort));
        env.put("KAFKA_LOCAL_DATA_DIR", dataDir.toString());
        this.environment = Map.copyOf(env);
    }

    record Result(int exitCode, String output) {
    }

    /** Runs {@code kafka-local.sh <command>} and returns its exit code and everything it printed. */
    Result run(String command) throws IOException, InterruptedException {
        // A file rather than a pipe, so the timeout holds even if a child kept the output open.
        Path output = Files.createTempFile("kafka-local-" + command + "-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kafka-local.sh " + command + " did not finish within "
                        + COMMAND_TIMEOUT + "; output:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** bin/kafka-local.sh of the system property tributary.home, or of the source tree the JVM runs in. */
    private static Path findScript() {
        String home = System.getProperty("tributary.home");
        if (home != null && Files.isRegularFile(Path.of(home, "bin/kafka-local.sh"))) {
            return Path.of(home, "bin/kafka-local.sh").toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("bin/kafka-local.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("bin/kafka-local.sh not found above " + Path.of("").toAbsolutePath()
                + " (set the system property tributary.home to the repository root)");
    }
}
