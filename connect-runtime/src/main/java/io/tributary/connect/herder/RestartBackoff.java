package io.tributary.connect.herder;

import java.util.OptionalLong;

import io.tributary.connect.config.AutoRestartConfig;

/**
 * The automatic restart schedule of one connector or task instance; pure logic on times it is given. The first
 * failure waits the initial backoff, each further one twice the previous wait, up to the maximum; after the
 * maximum number of attempts it gives up. An instance that was RUNNING for the healthy period before it failed
 * again starts over.
 */
final class RestartBackoff {

    private int attempts;
    private long runningSinceMs = -1;

    /** The instance reported RUNNING at {@code nowMs}. */
    void running(long nowMs) {
        runningSinceMs = nowMs;
    }

    /**
     * The instance failed at {@code nowMs}: how long to wait before the next attempt, which is counted now, or
     * empty when the attempts are used up.
     */
    OptionalLong failed(long nowMs, AutoRestartConfig.Settings settings) {
        if (runningSinceMs >= 0 && nowMs - runningSinceMs >= settings.healthyPeriodMs()) {
            attempts = 0;
        }
        runningSinceMs = -1;
        if (!settings.unlimited() && attempts >= settings.maxAttempts()) {
            return OptionalLong.empty();
        }
        long delay = settings.initialBackoffMs();
        for (int i = 0; i < attempts && delay > 0 && delay < settings.maxBackoffMs(); i++) {
            delay *= 2;
        }
        attempts++;
        return OptionalLong.of(Math.min(Math.max(delay, 0), settings.maxBackoffMs()));
    }

    /** Attempts counted since the last start-over; the one scheduled last included. */
    int attempts() {
        return attempts;
    }

    /** A user restarted the instance: its next failure is a first one again. */
    void reset() {
        attempts = 0;
        runningSinceMs = -1;
    }
}
