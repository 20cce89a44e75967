package io.tributary.connect.logging;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;

/**
 * A warning about a condition that may repeat many times a second (a group that keeps failing to agree, say):
 * the first occurrence is logged at once, later ones at most once per interval, each report saying how often
 * it happened since the last one. Keeps the log readable without hiding that the condition goes on.
 */
public final class PeriodicWarning {

    private final Logger log;
    private final Time time;
    private final long intervalMs;
    private long lastLoggedMs;
    private long unreported;
    private boolean loggedOnce;

    public PeriodicWarning(Logger log, Time time, long intervalMs) {
        this.log = log;
        this.time = time;
        this.intervalMs = intervalMs;
    }

    /**
     * Logs the warning now if it is the first one or the interval passed; otherwise counts it.
     *
     * @return whether it was logged
     */
    public synchronized boolean warn(String format, Object... arguments) {
        long now = time.milliseconds();
        if (loggedOnce && now - lastLoggedMs < intervalMs) {
            unreported++;
            return false;
        }
        String message = unreported == 0 ? format
                : format + " (" + (unreported + 1) + " times in the last " + (now - lastLoggedMs) + " ms)";
        log.warn(message, arguments);
        loggedOnce = true;
        lastLoggedMs = now;
        unreported = 0;
        return true;
    }

    /** The condition is over: the next occurrence is logged at once. */
    public synchronized void reset() {
        loggedOnce = false;
        unreported = 0;
    }
}
