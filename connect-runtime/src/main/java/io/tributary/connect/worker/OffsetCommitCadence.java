package io.tributary.connect.worker;

/**
 * When a source task's offsets are written: soon after records are acknowledged, so that a crashed worker
 * replays little, yet at most once per minimum spacing so that the offset store is not flooded; and at
 * least once per {@code offset.flush.interval.ms} whatever happens. After a failed write only the
 * periodic writes retry, so that an unavailable store is not hammered. Not thread safe: one caller.
 */
final class OffsetCommitCadence {

    private final long spacingMs;
    private final long intervalMs;
    private long lastStartMs;
    private boolean lastSucceeded = true;

    /**
     * @param minSpacingMs the least time between the starts of two writes made early
     * @param intervalMs   the longest time between two writes ({@code offset.flush.interval.ms})
     * @param nowMs        when the task's offsets started to be tracked
     */
    OffsetCommitCadence(long minSpacingMs, long intervalMs, long nowMs) {
        this.spacingMs = Math.min(minSpacingMs, intervalMs);
        this.intervalMs = intervalMs;
        this.lastStartMs = nowMs;
    }

    /** Whether to write now, given whether acknowledged offsets are waiting to be written. */
    boolean isDue(long nowMs, boolean uncommitted) {
        long since = nowMs - lastStartMs;
        return since >= intervalMs || (uncommitted && lastSucceeded && since >= spacingMs);
    }

    /** Notes a write that started at {@code startMs}, and whether it stored everything. */
    void written(long startMs, boolean succeeded) {
        lastStartMs = startMs;
        lastSucceeded = succeeded;
    }

    /** How often to ask {@link #isDue}: a fraction of the spacing, so a due write starts soon after it is due. */
    long checkEveryMs() {
        return Math.max(1, spacingMs / 4);
    }
}
