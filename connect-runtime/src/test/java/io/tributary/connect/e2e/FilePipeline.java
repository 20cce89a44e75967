package io.tributary.connect.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The file pipeline the resilience tests run through a worker (FileStreamSource, a topic, FileStreamSink):
 * writing input lines, creating the connectors, and reading back what arrived and what the statuses say.
 */
final class FilePipeline {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FilePipeline() {
    }

    static void appendLines(Path file, int first, int count) throws IOException {
        String lines = IntStream.range(first, first + count)
                .mapToObj(i -> "line-" + i)
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void createConnector(RestClient rest, String name, Map<String, String> config) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("name", name, "config", config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        RestClient.Response created = rest.post("/connectors", body);
        assertThat(created.status()).as("POST /connectors for %s answered %s", name, created.body()).isEqualTo(201);
    }

    /** Each connector's state and its tasks' states, or why they could not be read. */
    static String statuses(RestClient rest, List<String> connectors) {
        RestClient.Response response;
        try {
            response = rest.get("/connectors?expand=status", Duration.ofSeconds(5));
        } catch (AssertionError e) {
            return e.getMessage();
        }
        if (response.status() != 200) {
            return "HTTP " + response.status() + " " + response.body();
        }
        JsonNode all = response.json();
        return connectors.stream()
                .map(name -> name + ": " + describe(all.path(name).path("status")))
                .collect(Collectors.joining("; "));
    }

    private static String describe(JsonNode status) {
        if (status.isMissingNode()) {
            return "not listed";
        }
        List<String> tasks = new ArrayList<>();
        status.path("tasks").forEach(task -> tasks.add(task.path("state").asText()
                + (task.hasNonNull("trace") ? " (" + task.get("trace").asText().lines().findFirst().orElse("") + ")" : "")));
        return "connector " + status.path("connector").path("state").asText() + ", tasks " + tasks;
    }

    /** Polls {@code read} until {@code done} holds or {@code timeout} passes; returns the last value read. */
    static <T> T pollUntil(Duration timeout, Supplier<T> read, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .until(() -> done.test(updated(last, read.get())));
        } catch (ConditionTimeoutException timedOut) {
            // The caller's assertion reports the last value seen.
        }
        return last.get();
    }

    private static <T> T updated(AtomicReference<T> holder, T value) {
        holder.set(value);
        return value;
    }

    /**
     * What the sink's file holds, measured against the input lines line-1..line-{@code expected}:
     * how many lines in all, how many input lines are missing, how many arrived more than once,
     * and lines that are not input lines at all.
     */
    record Delivery(int expected, int lines, int missing, List<String> firstMissing, int duplicates,
                            int foreignCount, List<String> foreign) {

        static Delivery read(Path output, int expected) {
            List<String> lines = completeLines(output);
            int[] seen = new int[expected + 1];
            int foreignCount = 0;
            List<String> foreign = new ArrayList<>();
            for (String line : lines) {
                int number = inputLineNumber(line, expected);
                if (number > 0) {
                    seen[number]++;
                } else if (foreignCount++ < 5) {
                    foreign.add(line);
                }
            }
            int missing = 0;
            int duplicates = 0;
            List<String> firstMissing = new ArrayList<>();
            for (int i = 1; i <= expected; i++) {
                if (seen[i] == 0 && missing++ < 5) {
                    firstMissing.add("line-" + i);
                }
                duplicates += Math.max(0, seen[i] - 1);
            }
            return new Delivery(expected, lines.size(), missing, firstMissing, duplicates, foreignCount, foreign);
        }

        boolean complete() {
            return missing == 0;
        }

        /** Lines up to the last line break: the sink may be in the middle of writing the next one. */
        private static List<String> completeLines(Path output) {
            try {
                String content = Files.readString(output, StandardCharsets.UTF_8);
                return content.substring(0, content.lastIndexOf('\n') + 1).lines().toList();
            } catch (IOException notYetWritten) {
                return List.of();
            }
        }

        private static int inputLineNumber(String line, int expected) {
            if (!line.startsWith("line-")) {
                return -1;
            }
            try {
                int number = Integer.parseInt(line.substring("line-".length()));
                return number >= 1 && number <= expected && line.equals("line-" + number) ? number : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        @Override
        public String toString() {
            return String.format("%d line(s) in the file: %d of the %d input lines missing%s, %d duplicate(s), "
                            + "%d line(s) not from the input%s", lines, missing, expected,
                    firstMissing.isEmpty() ? "" : " (first: " + firstMissing + ")", duplicates, foreignCount,
                    foreign.isEmpty() ? "" : " (first: " + foreign + ")");
        }
    }
}
