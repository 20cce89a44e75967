package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HerderLoopTest {

    private final HerderLoop loop = new HerderLoop("test-herder", Time.SYSTEM);
    private final ScriptedTick tick = new ScriptedTick();

    @AfterEach
    void stop() {
        loop.stop(5_000);
    }

    @Test
    void requestsRunOnTheLoopThreadAndAnswerThroughTheirFuture() throws Exception {
        loop.start(tick);
        CompletableFuture<Boolean> onLoop = loop.submit(loop::onLoopThread);
        assertThat(onLoop.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailingRequestFailsOnlyItsOwnFuture() throws Exception {
        loop.start(tick);
        CompletableFuture<Object> failing = loop.submit(() -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<String> next = loop.submit(() -> "still running");
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("still running");
    }

    @Test
    void requestsWaitWhileTheWorkerIsOutOfSync() throws Exception {
        tick.inSync = false;
        loop.start(tick);
        CompletableFuture<String> answer = loop.submit(() -> "answered");
        tick.awaitTurns(3);
        assertThat(answer).isNotDone();
        tick.inSync = true;
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("answered");
    }

    @Test
    void aRequestCancelledWhileQueuedNeverRuns() throws Exception {
        tick.inSync = false;
        loop.start(tick);
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<String> abandoned = loop.submit(() -> {
            ran.set(true);
            return "too late";
        });
        abandoned.cancel(true);
        tick.inSync = true;

        assertThat(loop.submit(() -> "next").get(5, TimeUnit.SECONDS)).isEqualTo("next");
        assertThat(ran).isFalse();
    }

    @Test
    void cancellingAChainedAnswerSkipsItsQueuedWork() throws Exception {
        tick.inSync = false;
        loop.start(tick);
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<String> abandoned = loop.submitAndChain(() -> {
            ran.set(true);
            return CompletableFuture.completedFuture("too late");
        });
        abandoned.cancel(true);
        tick.inSync = true;

        assertThat(loop.submit(() -> "next").get(5, TimeUnit.SECONDS)).isEqualTo("next");
        assertThat(ran).isFalse();
    }

    @Test
    void delayedWorkRunsEvenWhileOutOfSync() throws Exception {
        tick.inSync = false;
        loop.start(tick);
        CompletableFuture<String> ran = new CompletableFuture<>();
        loop.schedule(10, () -> ran.complete("ran"));
        assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
    }

    @Test
    void stopHaltsTheTickOnTheLoopThreadAndFailsRequestsQueuedLater() throws Exception {
        tick.inSync = false;
        loop.start(tick);
        CompletableFuture<String> pending = loop.submit(() -> "never");
        loop.stop(5_000);
        assertThat(tick.haltedOnLoopThread).isTrue();
        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).hasMessageContaining("stopped");
        assertThatThrownBy(() -> loop.submit(() -> "late").get(5, TimeUnit.SECONDS))
                .hasMessageContaining("stopped");
    }

    /** A tick that reports a settable sync state and counts its turns; it waits briefly like a poll would. */
    private final class ScriptedTick implements HerderLoop.Tick {

        volatile boolean inSync = true;
        volatile boolean haltedOnLoopThread;
        private final List<Long> turns = new CopyOnWriteArrayList<>();
        private final Object lock = new Object();

        @Override
        public boolean tick(long pollTimeoutMs) {
            turns.add(System.nanoTime());
            synchronized (lock) {
                try {
                    lock.wait(Math.min(pollTimeoutMs, 20) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inSync;
        }

        @Override
        public void wakeup() {
            synchronized (lock) {
                lock.notifyAll();
            }
        }

        @Override
        public void halt() {
            haltedOnLoopThread = loop.onLoopThread();
        }

        void awaitTurns(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int target = turns.size() + count;
            while (turns.size() < target && System.nanoTime() < deadline) {
                synchronized (lock) {
                    lock.wait(10);
                }
            }
            assertThat(turns.size()).isGreaterThanOrEqualTo(target);
        }
    }
}
