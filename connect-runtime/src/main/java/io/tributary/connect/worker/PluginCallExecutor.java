package io.tributary.connect.worker;

import org.apache.kafka.common.utils.Time;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads on which the herder and the worker call plugin code outside task threads: connector
 * initialize/start/stop/taskConfigs, validate, config and version, offset hooks. Plugin code may block for as
 * long as it likes, so it must never run on the herder thread (which would stall every other request) or on
 * the common pool (which would starve unrelated asynchronous work).
 *
 * <p>Bounded: with hundreds of connectors a thread per connector costs more than the calls need, since
 * connectors are called only now and then. The bound is still well above the number of cores, because
 * connector code often blocks (a {@code start()} that connects to an unreachable database), and a few such
 * connectors must not hold up validation and every other connector. Idle threads end after a while, so an idle
 * worker keeps none. The queue is unbounded on purpose: every call carries a deadline and is skipped once it
 * passed, so the queue cannot keep stale work, while a bounded queue would fail connector starts spuriously
 * when hundreds of connectors start at once.
 *
 * <p>Each call runs with the plugin's class loader as the thread's context loader, restored afterwards.
 * A call whose deadline passed before it started never runs; one that overruns is interrupted and its late
 * result dropped. Its future then fails with a {@link ConnectException} naming the call.
 */
public final class PluginCallExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginCallExecutor.class);

    /** No deadline: for calls whose callers bound their wait themselves (connector start and stop). */
    public static final Duration NO_DEADLINE = null;

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor deadlines;
    private final Time time;

    /** Enough threads that a few connectors blocked in their own code do not hold up the others. */
    public static final int DEFAULT_THREADS = 32;
    private static final long IDLE_THREAD_KEEP_ALIVE_MS = 30_000;

    public PluginCallExecutor(Time time) {
        this(DEFAULT_THREADS, time);
    }

    public PluginCallExecutor(int threads, Time time) {
        if (threads < 1) {
            throw new IllegalArgumentException("A plugin call executor needs at least one thread, not " + threads);
        }
        this.time = time;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, IDLE_THREAD_KEEP_ALIVE_MS, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> daemon(runnable, "plugin-call-" + count.incrementAndGet()));
        this.pool.allowCoreThreadTimeOut(true);
        this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, "plugin-call-deadlines"));
        // Most calls finish long before their deadline: drop their timers then rather than keep them queued.
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs {@code work} on a plugin call thread with {@code loader} (null: the runtime's own) as context loader.
     *
     * @param what     names the call in the timeout message, e.g. "Validation of connector class X"
     * @param deadline how long the call may take from now, queueing included; {@link #NO_DEADLINE} for none
     */
    public <T> CompletableFuture<T> call(String what, ClassLoader loader, Duration deadline, Callable<T> work) {
        Call<T> call = new Call<>(what, loader, deadline, work);
        submit(call);
        return call.answer;
    }

    /** A queue of calls that run one at a time in submission order, on this executor's threads. */
    public Lane lane() {
        return new Lane();
    }

    /** The greatest number of calls that run at the same time. */
    public int threads() {
        return pool.getMaximumPoolSize();
    }

    /** Interrupts running calls; calls still queued never run and their futures fail. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        pool.shutdownNow().forEach(runnable -> ((Call<?>) runnable).abandon("the worker is stopping"));
    }

    private void submit(Call<?> call) {
        try {
            pool.execute(call);
        } catch (RejectedExecutionException e) {
            call.abandon("the worker is stopping");
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Calls that run strictly one after another, e.g. one connector's initialize, start, taskConfigs and stop:
     * a call starts only once the one before it returned, even when that one timed out and is still unwinding.
     */
    public final class Lane {

        private final Set<Call<?>> unreturned = ConcurrentHashMap.newKeySet();
        private CompletableFuture<Void> previousReturned = CompletableFuture.completedFuture(null);
        private String closedBecause;

        private Lane() {
        }

        /** As {@link PluginCallExecutor#call}; the deadline counts from now, waiting for earlier calls included. */
        public synchronized <T> CompletableFuture<T> call(String what, ClassLoader loader, Duration deadline,
                                                       Callable<T> work) {
            Call<T> call = new Call<>(what, loader, deadline, work);
            if (closedBecause != null) {
                call.abandon(closedBecause);
                return call.answer;
            }
            unreturned.add(call);
            call.returned.whenComplete((ignored, error) -> unreturned.remove(call));
            previousReturned.whenComplete((ignored, error) -> submit(call));
            previousReturned = call.returned;
            return call.answer;
        }

        /** Takes no more calls; those already taken still run in turn. */
        public synchronized void close(String reason) {
            closedBecause = reason;
        }

        /** Takes no more calls, interrupts the running one and skips the queued ones: their futures are cancelled. */
        public void cancel(String reason) {
            close(reason);
            unreturned.forEach(call -> call.answer.cancel(true));
        }
    }

    /** One call: its answer, its deadline timer, and the thread running it while it runs. */
    private final class Call<T> implements Runnable {

        private final String what;
        private final ClassLoader loader;
        private final Duration deadline;
        private final long deadlineNanos;
        private final Callable<T> work;
        private final CompletableFuture<T> answer = new CompletableFuture<>();
        /** Completes once the work returned or was skipped; a {@link Lane} starts its next call only then. */
        private final CompletableFuture<Void> returned = new CompletableFuture<>();
        private Thread runner;

        Call(String what, ClassLoader loader, Duration deadline, Callable<T> work) {
            this.what = what;
            this.loader = loader;
            this.deadline = deadline;
            this.deadlineNanos = deadline == null ? 0 : time.nanoseconds() + deadline.toNanos();
            this.work = work;
            if (deadline != null) {
                try {
                    ScheduledFuture<?> timer = deadlines.schedule(this::timeOut, deadline.toNanos(), TimeUnit.NANOSECONDS);
                    answer.whenComplete((result, error) -> timer.cancel(false));
                } catch (RejectedExecutionException e) {
                    abandon("the worker is stopping");
                }
            }
            // However the answer completes first (deadline, or a caller that gave up and cancelled it), the work
            // must not go on: a queued call is skipped, a running one interrupted.
            answer.whenComplete((result, error) -> interruptIfRunning());
        }

        @Override
        public void run() {
            if (!begin()) {
                returned.complete(null);
                return;
            }
            Thread current = Thread.currentThread();
            ClassLoader previous = current.getContextClassLoader();
            T result = null;
            Throwable failure = null;
            try {
                if (loader != null) {
                    current.setContextClassLoader(loader);
                }
                result = work.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                current.setContextClassLoader(previous);
                end();
            }
            // Completed only after end(): stages the caller chained on the answer may run right here, and must
            // not see an interrupt meant for the plugin call.
            boolean accepted = failure == null ? answer.complete(result) : answer.completeExceptionally(failure);
            if (!accepted) {
                log.debug("{} returned after it had timed out or been cancelled; its outcome is dropped", what, failure);
            }
            returned.complete(null);
        }

        /** Fails the call without running it, e.g. when the executor was closed before it ran. */
        void abandon(String reason) {
            answer.completeExceptionally(new ConnectException(what + " did not run: " + reason));
            returned.complete(null);
        }

        private void timeOut() {
            answer.completeExceptionally(new ConnectException(what + " did not finish within " + deadline.toMillis()
                    + " ms and was " + (isRunning() ? "interrupted" : "cancelled before it started")));
        }

        /** Under the lock, so that a call never starts after its answer completed and no interrupt leaks. */
        private synchronized boolean begin() {
            if (answer.isDone()) {
                return false;
            }
            if (deadline != null && time.nanoseconds() - deadlineNanos >= 0) {
                timeOut();
                return false;
            }
            runner = Thread.currentThread();
            return true;
        }

        private synchronized void end() {
            runner = null;
            // An interrupt aimed at this call must not reach the next call this thread runs.
            Thread.interrupted();
        }

        private synchronized boolean isRunning() {
            return runner != null;
        }

        private synchronized void interruptIfRunning() {
            if (runner != null) {
                runner.interrupt();
            }
        }
    }
}
