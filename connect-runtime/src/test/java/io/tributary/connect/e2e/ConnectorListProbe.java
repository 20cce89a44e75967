package io.tributary.connect.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls GET /connectors on a worker from a background thread, one call at a time with a pause
 * between them, and keeps every outcome, so that a test can show the REST API kept answering
 * through a disruption (or show which calls did not).
 */
final class ConnectorListProbe {

    /** One call: when it started (relative to the probe's start), how long it took, and what came back. */
    record Call(Duration startedAt, Duration took, int status, List<String> names, String failure) {

        boolean listed(Collection<String> expected) {
            return status == 200 && names.containsAll(expected);
        }

        @Override
        public String toString() {
            String outcome = failure != null ? failure : status + " " + names;
            return String.format("+%.1fs (%d ms): %s", startedAt.toMillis() / 1000.0, took.toMillis(), outcome);
        }
    }

    private final RestClient rest;
    private final Duration timeout;
    private final long startedAt = System.nanoTime();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread daemon = new Thread(runnable, "connector-list-probe");
        daemon.setDaemon(true);
        return daemon;
    });

    private ConnectorListProbe(RestClient rest, Duration timeout) {
        this.rest = rest;
        this.timeout = timeout;
    }

    /** Starts calling at once, then {@code pause} after each answer; each call gives up after {@code timeout}. */
    static ConnectorListProbe start(RestClient rest, Duration pause, Duration timeout) {
        ConnectorListProbe probe = new ConnectorListProbe(rest, timeout);
        probe.thread.scheduleWithFixedDelay(probe::callOnce, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    /** True once a call that started at or after {@code nanoTime} (a {@link System#nanoTime()}) has finished. */
    boolean hasCalledSince(long nanoTime) {
        return calls.stream().anyMatch(call -> startedAt + call.startedAt().toNanos() - nanoTime >= 0);
    }

    /** Stops calling (letting a call in flight finish) and returns every call made, in order. */
    List<Call> stop() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
        return List.copyOf(calls);
    }

    private void callOnce() {
        long callStart = System.nanoTime();
        Duration at = Duration.ofNanos(callStart - startedAt);
        try {
            RestClient.Response response = rest.get("/connectors", timeout);
            List<String> names = new ArrayList<>();
            JsonNode body = response.status() == 200 ? response.json() : null;
            if (body != null && body.isArray()) {
                body.forEach(name -> names.add(name.asText()));
            }
            String failure = response.status() == 200 ? null : response.status() + " " + response.body();
            calls.add(new Call(at, Duration.ofNanos(System.nanoTime() - callStart), response.status(), names, failure));
        } catch (AssertionError | RuntimeException e) {
            // RestClient reports I/O problems, timeouts included, as AssertionErrors.
            calls.add(new Call(at, Duration.ofNanos(System.nanoTime() - callStart), -1, List.of(), e.getMessage()));
        }
    }
}
