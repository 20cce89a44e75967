package io.tributary.connect.worker;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.model.State;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task instance on its own thread: starts the task, runs its loop until asked to stop, honours
 * pause and resume, and reports RUNNING, PAUSED, FAILED (with the stack trace) and UNASSIGNED. A
 * task abandoned after the shutdown timeout is cancelled so that it no longer reports anything.
 */
abstract class WorkerTask implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WorkerTask.class);

    protected final ConnectorTaskId id;
    private final StatusReporter status;
    private final ClassLoader loader;
    private final TaskMetrics metrics;
    private final PluginMetricsImpl pluginMetrics;
    private final Object stateLock = new Object();
    private final CountDownLatch finished = new CountDownLatch(1);
    private TargetState targetState;
    private volatile boolean stopping;
    private volatile boolean cancelled;
    private volatile boolean started;
    private volatile boolean failed;
    /** The thread running the task, once it runs. */
    private volatile Thread thread;

    /** @param pluginMetrics what the task's context offers it to register metrics of its own (KIP-877) */
    WorkerTask(ConnectorTaskId id, StatusReporter status, ClassLoader loader, TargetState initialState,
               TaskMetrics metrics, PluginMetricsImpl pluginMetrics) {
        this.id = id;
        this.status = status;
        this.loader = loader;
        this.metrics = metrics;
        this.targetState = initialState;
        this.pluginMetrics = pluginMetrics;
    }

    /** What {@code context.pluginMetrics()} answers the task. */
    protected PluginMetrics pluginMetrics() {
        return pluginMetrics;
    }

    /**
     * Removes the metrics the task registered itself. The worker calls it once it is done with the task (stopped,
     * or given up on), so a failed task's own metrics stay readable until then, as in Kafka Connect.
     */
    void removePluginMetrics() {
        Utils.closeQuietly(pluginMetrics, "plugin metrics of " + id);
    }

    /** Calls the task's initialize and start. */
    protected abstract void initializeAndStart();

    /** The task's loop; returns once {@link #isStopping()} or throws to fail the task. */
    protected abstract void execute() throws Exception;

    /** Commits what is safe to commit, stops the task and closes its clients; runs whether or not it failed. */
    protected abstract void close();

    /** The task's plugin version, for statuses. */
    protected abstract String version();

    /**
     * Removes the task's metrics; called once the worker no longer has the task (a failed task keeps them
     * until then, so that its status stays readable).
     */
    abstract void removeMetrics();

    /** Wakes the task's loop so that it notices a stop or a new target state soon. */
    protected void wakeUp() {
    }

    /** Called once when the task is asked to stop, before the wake-up: ends waits the loop cannot see. */
    protected void onStopRequested() {
    }

    @Override
    public final void run() {
        thread = Thread.currentThread();
        thread.setName("task-thread-" + id);
        try (LoaderSwap ignored = LoaderSwap.swapTo(loader)) {
            try {
                initializeAndStart();
                started = true;
                if (!stopping) {
                    report(isPaused() ? State.PAUSED : State.RUNNING);
                    log.info("{} started", this);
                    execute();
                }
            } catch (Throwable t) {
                fail(t);
            } finally {
                try {
                    close();
                } catch (Throwable t) {
                    log.error("{} could not close cleanly", this, t);
                }
                if (!failed) {
                    report(State.UNASSIGNED);
                }
                finished.countDown();
                log.info("{} finished", this);
            }
        }
    }

    /** Asks the task to stop; it finishes on its own thread. */
    void stop() {
        stopping = true;
        onStopRequested();
        synchronized (stateLock) {
            stateLock.notifyAll();
        }
        wakeUp();
    }

    /** Waits for the task thread to finish; false when it did not within the timeout. */
    boolean awaitStop(long timeoutMs) {
        try {
            return finished.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Gives up on a task that would not stop in time: it must not report or commit any more. It is reported
     * UNASSIGNED now, on its behalf, since this worker no longer runs it whatever its thread still does.
     */
    void cancel() {
        if (!failed) {
            report(State.UNASSIGNED);
        }
        cancelled = true;
        onCancelled();
    }

    /** Called once the task was given up on; may release what its thread is blocked on. Must not block. */
    protected void onCancelled() {
    }

    /** Interrupts the task's thread, if it runs: for a task given up on, whose thread may be blocked. */
    protected void interruptThread() {
        Thread running = thread;
        if (running != null && finished.getCount() > 0) {
            running.interrupt();
        }
    }

    void transitionTo(TargetState state) {
        synchronized (stateLock) {
            if (targetState == state) {
                return;
            }
            targetState = state;
            stateLock.notifyAll();
        }
        if (started && !failed && !stopping) {
            report(state == TargetState.PAUSED ? State.PAUSED : State.RUNNING);
        }
        wakeUp();
    }

    protected boolean isStopping() {
        return stopping;
    }

    protected boolean isCancelled() {
        return cancelled;
    }

    protected boolean hasStarted() {
        return started;
    }

    protected boolean hasFailed() {
        return failed;
    }

    protected boolean isPaused() {
        synchronized (stateLock) {
            return targetState == TargetState.PAUSED;
        }
    }

    /** Blocks while the task is paused; returns when resumed or stopping. */
    protected void awaitUnpaused() throws InterruptedException {
        synchronized (stateLock) {
            while (targetState == TargetState.PAUSED && !stopping) {
                stateLock.wait();
            }
        }
    }

    private void fail(Throwable t) {
        failed = true;
        if (cancelled) {
            // Given up on already (another instance may run by now): this is how its thread ended, not news.
            log.warn("{} ended with an error after it was abandoned: {}", this, t.toString());
            return;
        }
        log.error("{} failed and will not run again until it is restarted", this, t);
        metrics.stateChanged(State.FAILED);
        status.taskFailed(id, t, safeVersion());
    }

    private void report(State state) {
        if (!cancelled) {
            metrics.stateChanged(state);
            status.task(id, state, safeVersion());
        }
    }

    private String safeVersion() {
        try {
            return version();
        } catch (Throwable t) {
            return null;
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + "}";
    }
}
