package io.tributary.connect.distributed;

/**
 * The worker's source of config snapshots. Members advertise the offset of {@link #current()}; a leader
 * that finds a member further ahead asks for {@link #fresh()} before assigning.
 */
public interface ConfigSnapshots {

    /** The latest snapshot already read; cheap. */
    ClusterConfigView current();

    /**
     * Reads the config topic to its end and returns the new snapshot. May block for a bounded time; returns
     * whatever it got (possibly still behind) rather than throwing when the read times out.
     */
    ClusterConfigView fresh();
}
