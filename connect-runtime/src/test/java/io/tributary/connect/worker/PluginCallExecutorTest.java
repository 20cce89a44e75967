package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginCallExecutorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CountDownLatch gate = new CountDownLatch(1);
    private PluginCallExecutor executor;

    @AfterEach
    void close() {
        gate.countDown();
        executor.close();
    }

    @Test
    void neverRunsMoreCallsAtOnceThanItHasThreads() throws Exception {
        executor = new PluginCallExecutor(2, Time.SYSTEM);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> threadNames = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(executor.call("call " + i, null, WAIT, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                threadNames.add(Thread.currentThread().getName());
                gate.await();
                running.decrementAndGet();
                return null;
            }));
        }

        await().atMost(WAIT).until(() -> running.get() == 2);
        gate.countDown();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(most.get()).isEqualTo(2);
        assertThat(threadNames).hasSize(6).allMatch(name -> name.startsWith("plugin-call-"));
        assertThat(threadNames.stream().distinct()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aCallWhoseDeadlinePassedBeforeItStartedNeverRuns() throws Exception {
        executor = new PluginCallExecutor(1, Time.SYSTEM);
        CompletableFuture<Void> blocker = executor.call("blocker", null, PluginCallExecutor.NO_DEADLINE, () -> {
            gate.await();
            return null;
        });
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<Void> late = executor.call("Validation of connector late", null, Duration.ofMillis(50),
                () -> {
                    ran.set(true);
                    return null;
                });

        assertThat(failureOf(late)).isInstanceOf(ConnectException.class)
                .hasMessage("Validation of connector late did not finish within 50 ms and was cancelled before it started");
        gate.countDown();
        blocker.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // The only thread takes calls in order: once this one ran, the timed-out one had its turn.
        executor.call("after", null, WAIT, () -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ran).isFalse();
    }

    @Test
    void aCallThatOverrunsIsInterruptedAndItsLateResultDropped() throws Exception {
        executor = new PluginCallExecutor(1, Time.SYSTEM);
        CountDownLatch interrupted = new CountDownLatch(1);
        CompletableFuture<String> slow = executor.call("Connector slow's validate", null, Duration.ofMillis(100), () -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        });

        assertThat(failureOf(slow)).isInstanceOf(ConnectException.class)
                .hasMessage("Connector slow's validate did not finish within 100 ms and was interrupted");
        assertThat(interrupted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(slow).isCompletedExceptionally();
    }

    @Test
    void aCallerThatGivesUpCancelsTheCall() throws Exception {
        executor = new PluginCallExecutor(1, Time.SYSTEM);
        BlockedCall blocked = new BlockedCall();
        CompletableFuture<Void> call = executor.call("describe", null, WAIT, blocked);
        blocked.awaitStarted();

        call.cancel(true);

        blocked.awaitInterrupted();
    }

    @Test
    void aLaneRunsItsCallsOneAtATimeInSubmissionOrder() throws Exception {
        executor = new PluginCallExecutor(4, Time.SYSTEM);
        PluginCallExecutor.Lane lane = executor.lane();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int index = i;
            calls.add(lane.call("call " + i, null, WAIT, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(index);
                running.decrementAndGet();
                return null;
            }));
        }

        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void aLaneStartsTheNextCallOnlyOnceATimedOutOneReturned() throws Exception {
        executor = new PluginCallExecutor(4, Time.SYSTEM);
        PluginCallExecutor.Lane lane = executor.lane();
        CountDownLatch stubborn = new CountDownLatch(1);
        CompletableFuture<Void> first = lane.call("stop", null, Duration.ofMillis(50), () -> {
            awaitIgnoringInterrupts(stubborn);
            return null;
        });
        AtomicBoolean secondStarted = new AtomicBoolean();
        CompletableFuture<Void> second = lane.call("start", null, PluginCallExecutor.NO_DEADLINE, () -> {
            secondStarted.set(true);
            return null;
        });

        assertThat(failureOf(first)).hasMessageContaining("stop did not finish within 50 ms");
        assertThat(secondStarted).isFalse();
        stubborn.countDown();
        second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(secondStarted).isTrue();
    }

    @Test
    void cancellingALaneInterruptsItsRunningCallAndSkipsTheQueuedOnes() throws Exception {
        executor = new PluginCallExecutor(2, Time.SYSTEM);
        PluginCallExecutor.Lane lane = executor.lane();
        BlockedCall blocked = new BlockedCall();
        CompletableFuture<Void> stop = lane.call("stop", null, PluginCallExecutor.NO_DEADLINE, blocked);
        AtomicBoolean queuedRan = new AtomicBoolean();
        CompletableFuture<Void> queued = lane.call("start", null, PluginCallExecutor.NO_DEADLINE, () -> {
            queuedRan.set(true);
            return null;
        });
        blocked.awaitStarted();

        lane.cancel("connector abandoned");

        blocked.awaitInterrupted();
        assertThat(stop).isCancelled();
        assertThat(queued).isCancelled();
        assertThat(failureOf(lane.call("later", null, WAIT, () -> null))).hasMessage("later did not run: connector abandoned");
        // The pool is free again, and the skipped call never ran.
        executor.call("after", null, WAIT, () -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(queuedRan).isFalse();
    }

    @Test
    void theContextClassLoaderIsThePluginsDuringTheCallAndRestoredAfter() throws Exception {
        executor = new PluginCallExecutor(1, Time.SYSTEM);
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            ClassLoader during = executor.call("with loader", pluginLoader, WAIT,
                    () -> Thread.currentThread().getContextClassLoader()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ClassLoader after = executor.call("without loader", null, WAIT,
                    () -> Thread.currentThread().getContextClassLoader()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(during).isSameAs(pluginLoader);
            assertThat(after).isNotSameAs(pluginLoader);
        }
    }

    @Test
    void callsAfterCloseFailWithoutRunning() {
        executor = new PluginCallExecutor(1, Time.SYSTEM);
        executor.close();
        AtomicBoolean ran = new AtomicBoolean();

        CompletableFuture<Void> call = executor.call("version", null, WAIT, () -> {
            ran.set(true);
            return null;
        });

        assertThat(failureOf(call)).hasMessage("version did not run: the worker is stopping");
        assertThat(ran).isFalse();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("The call did not fail in time", e);
        }
        throw new AssertionError("The call succeeded");
    }

    /** A call that waits for the gate, noting when it started and whether it was interrupted. */
    private final class BlockedCall implements Callable<Void> {

        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public Void call() {
            started.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        }

        void awaitStarted() throws InterruptedException {
            assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the call started").isTrue();
        }

        void awaitInterrupted() throws InterruptedException {
            assertThat(interrupted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the call was interrupted").isTrue();
        }
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
