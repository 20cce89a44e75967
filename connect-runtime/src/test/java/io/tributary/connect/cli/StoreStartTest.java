package io.tributary.connect.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StoreStartTest {

    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger stops = new AtomicInteger();

    @Test
    void startsOnceOnItsOwnThreadOnceThePrerequisiteSucceeded() {
        CompletableFuture<String> prerequisite = new CompletableFuture<>();
        StoreStart store = StoreStart.after(prerequisite, "store-test", starts::incrementAndGet, stops::incrementAndGet);
        assertThat(starts).hasValue(0);

        prerequisite.complete("cluster-id");
        store.await();

        assertThat(starts).hasValue(1);
    }

    @Test
    void awaitingReportsTheStartsOwnFailure() {
        StoreStart store = StoreStart.after(CompletableFuture.completedFuture("cluster-id"), "store-test",
                () -> {
                    throw new IllegalStateException("topic not compacted");
                }, stops::incrementAndGet);

        assertThatThrownBy(store::await).isInstanceOf(IllegalStateException.class).hasMessage("topic not compacted");
        store.stop();
        assertThat(stops).hasValue(0);
    }

    @Test
    void doesNotStartWhenThePrerequisiteFailedAndAwaitingSaysWhy() {
        CompletableFuture<String> prerequisite = new CompletableFuture<>();
        StoreStart store = StoreStart.after(prerequisite, "store-test", starts::incrementAndGet, stops::incrementAndGet);

        prerequisite.completeExceptionally(new IllegalStateException("no broker"));

        assertThatThrownBy(store::await).isInstanceOf(IllegalStateException.class).hasMessage("no broker");
        store.stop();
        assertThat(starts).hasValue(0);
        assertThat(stops).hasValue(0);
    }

    @Test
    void stoppingBeforeThePrerequisiteMeansItNeverStarts() {
        CompletableFuture<String> prerequisite = new CompletableFuture<>();
        StoreStart store = StoreStart.after(prerequisite, "store-test", starts::incrementAndGet, stops::incrementAndGet);

        store.stop();
        prerequisite.complete("cluster-id");

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(starts).hasValue(0));
        assertThat(stops).hasValue(0);
    }

    @Test
    void stoppingAfterItStartedStopsWhatItStartedOnce() {
        StoreStart store = StoreStart.after(CompletableFuture.completedFuture("cluster-id"), "store-test",
                starts::incrementAndGet, stops::incrementAndGet);
        store.await();

        store.stop();
        store.stop();

        assertThat(stops).hasValue(1);
    }
}
