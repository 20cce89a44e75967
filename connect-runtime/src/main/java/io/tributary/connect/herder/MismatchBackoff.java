package io.tributary.connect.herder;

/**
 * How long a worker waits before rejoining its group after consecutive rounds whose assignment failed (the
 * leader could not read the config topic as far as a member): at once after the first, then a delay that
 * doubles from {@value #INITIAL_MS} ms up to a cap, so that a group that cannot agree never spins. Pure logic;
 * one successful round starts it over.
 */
final class MismatchBackoff {

    static final long INITIAL_MS = 100;

    private final long capMs;
    private int failedRounds;

    MismatchBackoff(long capMs) {
        this.capMs = Math.max(INITIAL_MS, capMs);
    }

    /** A round failed: counts it and answers how long to wait before rejoining. */
    long failedRound() {
        failedRounds++;
        if (failedRounds == 1) {
            return 0;
        }
        long delay = INITIAL_MS << Math.min(failedRounds - 2, 30);
        return Math.min(delay, capMs);
    }

    int failedRounds() {
        return failedRounds;
    }

    /** A round succeeded. */
    void reset() {
        failedRounds = 0;
    }
}
