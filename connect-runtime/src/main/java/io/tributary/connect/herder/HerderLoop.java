package io.tributary.connect.herder;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed herder's one thread. Each turn it lets the {@link Tick} do the cluster work (config
 * changes, group membership, rebalances), then, when the tick says the worker is in sync with its group,
 * runs the queued requests and any delayed work that is due. Other threads only queue work and wake it.
 */
final class HerderLoop {

    private static final Logger log = LoggerFactory.getLogger(HerderLoop.class);
    /** The longest a turn waits in the group poll when nothing is queued; heartbeats run on their own thread. */
    static final long MAX_POLL_MS = 1_000;

    /** The cluster part of one turn. */
    interface Tick {

        /** Handles cluster events, waiting in the group poll up to {@code pollTimeoutMs}; true when in sync. */
        boolean tick(long pollTimeoutMs);

        /** Interrupts a tick blocked in the group poll. */
        void wakeup();

        /** Runs once on the loop's thread after it stopped turning: stop work, leave the group. */
        void halt();
    }

    private record Delayed(long dueNanos, long sequence, Runnable work) {
    }

    /** Queued work, and how to tell its caller when it will never run. */
    private record Request(Runnable work, Consumer<Throwable> abandon) {
    }

    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Queue<Runnable> delayedToAdd = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Delayed> delayed = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.sequence, b.sequence));
    private final AtomicLong sequence = new AtomicLong();
    private final CountDownLatch halted = new CountDownLatch(1);
    private final Thread thread;
    private final Time time;
    private Tick tick;
    private volatile boolean running;
    private volatile HerderStage stage;
    private boolean lastInSync;

    /** @param time when delayed work is due, and when a stage began */
    HerderLoop(String threadName, Time time) {
        this.time = time;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    void start(Tick tick) {
        this.tick = tick;
        running = true;
        thread.start();
    }

    /** Asks the loop to stop and waits (bounded) until its tick halted. */
    void stop(long timeoutMs) {
        running = false;
        wakeup();
        try {
            if (!halted.await(timeoutMs, TimeUnit.MILLISECONDS)) {
                log.error("The herder thread did not stop within {} ms", timeoutMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks what the loop thread starts doing now; loop thread only. */
    void enterStage(String description) {
        stage = new HerderStage(description, time.milliseconds());
    }

    /** Restores a stage saved from {@link #currentStage()} (null: none); loop thread only. */
    void restoreStage(HerderStage previous) {
        stage = previous;
    }

    /** The loop thread is in no stage that holds requests up any more; loop thread only. */
    void leaveStage() {
        stage = null;
    }

    /** The stage the loop thread is in, if it is in one that may hold requests up. */
    Optional<HerderStage> currentStage() {
        return Optional.ofNullable(stage);
    }

    /** Whether requests wait in the queue (for the next turn, or for the worker to be in sync). */
    boolean hasQueuedRequests() {
        return !requests.isEmpty();
    }

    boolean onLoopThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs {@code work} on the loop thread once the worker is in sync, answering through the future; work whose
     * future was cancelled before its turn is skipped (see {@link QueuedRequest}).
     */
    <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        enqueue(new Request(QueuedRequest.answering(answer, work), answer::completeExceptionally));
        return answer;
    }

    /** As {@link #submit}, for work that itself answers later (e.g. after connector code or another worker). */
    <T> CompletableFuture<T> submitAndChain(Supplier<CompletableFuture<T>> work) {
        return QueuedRequest.chained(submit(work::get));
    }

    void execute(Runnable work) {
        enqueue(new Request(work, error -> { }));
    }

    private void enqueue(Request request) {
        if (halted.getCount() == 0) {
            request.abandon().accept(new ConnectException("The herder is stopped"));
            return;
        }
        requests.add(request);
        wakeup();
    }

    /** The clock the loop schedules by. */
    Time time() {
        return time;
    }

    /** Runs {@code work} on the loop thread after {@code delayMs}, whether or not the worker is in sync. */
    void schedule(long delayMs, Runnable work) {
        long due = time.nanoseconds() + TimeUnit.MILLISECONDS.toNanos(delayMs);
        Delayed entry = new Delayed(due, sequence.incrementAndGet(), work);
        delayedToAdd.add(() -> delayed.add(entry));
        wakeup();
    }

    private void wakeup() {
        Tick current = tick;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        try {
            while (running) {
                turn();
            }
        } finally {
            try {
                tick.halt();
            } catch (Throwable t) {
                log.error("The herder did not stop cleanly", t);
            } finally {
                failQueuedRequests();
                halted.countDown();
            }
        }
    }

    private void turn() {
        try {
            Runnable add;
            while ((add = delayedToAdd.poll()) != null) {
                add.run();
            }
            // Queued requests shorten the poll only when they can run; otherwise they wait for the group.
            boolean inSync = tick.tick(!requests.isEmpty() && lastInSync ? 0 : pollTimeout());
            lastInSync = inSync;
            runDueDelayed();
            if (inSync) {
                runQueued();
            }
        } catch (WakeupException e) {
            // Someone queued work or asked us to stop: the next turn handles it.
        } catch (Throwable t) {
            log.error("Unexpected error in the herder thread; it keeps running", t);
        }
    }

    private long pollTimeout() {
        Delayed next = delayed.peek();
        if (next == null) {
            return MAX_POLL_MS;
        }
        long waitMs = TimeUnit.NANOSECONDS.toMillis(next.dueNanos - time.nanoseconds());
        return Math.max(0, Math.min(MAX_POLL_MS, waitMs));
    }

    private void runDueDelayed() {
        Delayed next;
        while ((next = delayed.peek()) != null && next.dueNanos <= time.nanoseconds()) {
            delayed.poll();
            runSafely(next.work);
        }
    }

    private void runQueued() {
        // Only what was queued before this turn, so a stream of requests cannot starve the group poll.
        Queue<Request> batch = new ArrayDeque<>();
        Request request;
        while ((request = requests.poll()) != null) {
            batch.add(request);
        }
        batch.forEach(queued -> runSafely(queued.work()));
    }

    private void runSafely(Runnable work) {
        try {
            work.run();
        } catch (Throwable t) {
            log.error("Herder work failed", t);
        }
    }

    private void failQueuedRequests() {
        Request request;
        while ((request = requests.poll()) != null) {
            request.abandon().accept(new ConnectException("The herder stopped before it could handle the request"));
        }
    }
}
