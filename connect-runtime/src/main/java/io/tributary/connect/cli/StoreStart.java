package io.tributary.connect.cli;

import java.util.concurrent.CompletableFuture;

/**
 * The one start of a store, on a thread of its own once an earlier step succeeded, so that reading its topic
 * overlaps with other startup work (loading plugins, starting the REST server). Its owner {@link #await()}s it
 * before the herder starts, and {@link #stop()}s the store when the worker stops or its startup fails.
 */
final class StoreStart {

    private final Runnable stop;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private boolean stopped;

    private StoreStart(Runnable stop) {
        this.stop = stop;
    }

    static StoreStart after(CompletableFuture<?> prerequisite, String name, Runnable start, Runnable stop) {
        StoreStart store = new StoreStart(stop);
        prerequisite.whenCompleteAsync((ignored, failure) -> store.startUnlessStopped(start, failure),
                StartupThreads.named(name));
        return store;
    }

    private synchronized void startUnlessStopped(Runnable start, Throwable prerequisiteFailure) {
        if (stopped) {
            started.cancel(false);
            return;
        }
        if (prerequisiteFailure != null) {
            started.completeExceptionally(prerequisiteFailure);
            return;
        }
        try {
            start.run();
            started.complete(null);
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
        }
    }

    /** Waits until the store started; throws what made it (or the step before it) fail. */
    void await() {
        StartupThreads.await(started);
    }

    /** Waits for a start in progress, then stops what it started; a start not yet begun never happens. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (started.isDone() && !started.isCompletedExceptionally()) {
            stop.run();
        }
    }
}
