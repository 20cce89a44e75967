package io.tributary.connect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EarlyStartTest {

    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger stops = new AtomicInteger();

    @Test
    void startsOnItsOwnThreadOnceThePrerequisiteSucceeded() {
        CompletableFuture<String> prerequisite = new CompletableFuture<>();
        EarlyStart.after(prerequisite, "early-test", starts::incrementAndGet, stops::incrementAndGet);
        assertThat(starts).hasValue(0);

        prerequisite.complete("cluster-id");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(starts).hasValue(1));
    }

    @Test
    void doesNotStartWhenThePrerequisiteFailed() {
        CompletableFuture<String> prerequisite = new CompletableFuture<>();
        EarlyStart early = EarlyStart.after(prerequisite, "early-test", starts::incrementAndGet, stops::incrementAndGet);

        prerequisite.completeExceptionally(new IllegalStateException("no broker"));
        early.abandon();

        assertThat(starts).hasValue(0);
        assertThat(stops).hasValue(0);
    }

    @Test
    void abandoningBeforeThePrerequisiteMeansItNeverStarts() {
        CompletableFuture<String> prerequisite = new CompletableFuture<>();
        EarlyStart early = EarlyStart.after(prerequisite, "early-test", starts::incrementAndGet, stops::incrementAndGet);

        early.abandon();
        prerequisite.complete("cluster-id");

        assertThat(starts).hasValue(0);
    }

    @Test
    void abandoningAfterItStartedStopsWhatItStarted() {
        EarlyStart early = EarlyStart.after(CompletableFuture.completedFuture("cluster-id"), "early-test",
                starts::incrementAndGet, stops::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(starts).hasValue(1));

        early.abandon();

        assertThat(stops).hasValue(1);
    }
}
