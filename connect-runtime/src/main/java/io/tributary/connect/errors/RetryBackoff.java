package io.tributary.connect.errors;

/**
 * Delays between attempts of a failing stage: 300 ms, then doubling, never more than
 * {@code errors.retry.delay.max.ms} and never past the retry deadline.
 */
final class RetryBackoff {

    static final long FIRST_DELAY_MS = 300;
    /** Past this many doublings the delay exceeds any sensible maximum; stop shifting before it overflows. */
    private static final int MAX_DOUBLINGS = 40;

    private final long retryTimeoutMs;
    private final long maxDelayMs;

    RetryBackoff(long retryTimeoutMs, long maxDelayMs) {
        this.retryTimeoutMs = retryTimeoutMs;
        this.maxDelayMs = maxDelayMs;
    }

    /** The deadline of an operation whose first failure happened at {@code now}. */
    long deadline(long now) {
        if (retryTimeoutMs < 0) {
            return Long.MAX_VALUE;
        }
        return now + retryTimeoutMs;
    }

    boolean mayRetry(long now, long deadline) {
        return retryTimeoutMs != 0 && now < deadline;
    }

    /** The pause before retry number {@code retry} (1 for the first retry). */
    long delay(int retry, long now, long deadline) {
        long exponential = FIRST_DELAY_MS << Math.min(retry - 1, MAX_DOUBLINGS);
        long delay = Math.min(exponential, Math.max(0, maxDelayMs));
        return Math.max(0, Math.min(delay, deadline - now));
    }
}
