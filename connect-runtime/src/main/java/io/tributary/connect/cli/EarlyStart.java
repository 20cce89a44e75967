package io.tributary.connect.cli;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a store on a thread of its own once an earlier step succeeded, so that reading its topic overlaps
 * with other startup work. The owner starts the store again later as usual: that waits for this start or
 * does it (and reports its failure) if this one did not happen or failed. If startup fails instead,
 * {@link #abandon()} makes sure the store ends up stopped.
 */
final class EarlyStart {

    private static final Logger log = LoggerFactory.getLogger(EarlyStart.class);

    private final Runnable stop;
    private boolean abandoned;
    private boolean started;

    private EarlyStart(Runnable stop) {
        this.stop = stop;
    }

    static EarlyStart after(CompletableFuture<?> prerequisite, String name, Runnable start, Runnable stop) {
        EarlyStart early = new EarlyStart(stop);
        prerequisite.thenRunAsync(() -> early.startUnlessAbandoned(start), StartupThreads.named(name));
        return early;
    }

    private synchronized void startUnlessAbandoned(Runnable start) {
        if (abandoned) {
            return;
        }
        try {
            start.run();
            started = true;
        } catch (RuntimeException e) {
            log.debug("Early start failed; the regular start reports it", e);
        }
    }

    /** Waits for a start in progress, then stops what it started; a start not yet begun never happens. */
    synchronized void abandon() {
        abandoned = true;
        if (started) {
            stop.run();
        }
    }
}
