package io.tributary.connect.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs bin/kafka-local.sh as a real process with its own ports and data directory. */
final class KafkaLocalScript {

    /** Generous because the first start may fetch the Kafka jars through Maven. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private final Path script;
    private final Map<String, String> environment;

    KafkaLocalScript(int port, int controllerPort, Path dataDir) {
        this.script = findScript();
        this.environment = Map.of(
                "KAFKA_LOCAL_PORT", String.valueOf(port),
                "KAFKA_LOCAL_CONTROLLER_PORT", String.valueOf(controllerPort),
                "KAFKA_LOCAL_DATA_DIR", dataDir.toString());
    }

    record Result(int exitCode, String output) {
    }

    Result run(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        // The broker's own output goes to its log file, so this ends when the script does.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kafka-local.sh " + command + " did not finish; output:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    /** bin/kafka-local.sh of the source tree this test runs in. */
    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("bin/kafka-local.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("bin/kafka-local.sh not found above " + Path.of("").toAbsolutePath());
    }
}
