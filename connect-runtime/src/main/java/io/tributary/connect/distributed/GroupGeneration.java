package io.tributary.connect.distributed;

/**
 * The generation of the Connect group this worker joined last. The herder thread moves it forward on each
 * rebalance; status writes on any thread stamp their records with it, so that a worker that lost an instance
 * in a newer generation cannot overwrite the new owner's status.
 */
public final class GroupGeneration {

    /** Before the worker first joined the group. */
    public static final int NONE = -1;

    private volatile int current = NONE;

    /** The generation joined last, or {@link #NONE}. */
    public int current() {
        return current;
    }

    /** Called by the herder thread once it joined the given generation. */
    public void joined(int generation) {
        current = generation;
    }
}
