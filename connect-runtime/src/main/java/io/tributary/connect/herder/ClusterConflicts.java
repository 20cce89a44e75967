package io.tributary.connect.herder;


/** The 409 answers of a cluster in motion, worded as Kafka Connect words them so clients' retry logic matches. */
final class ClusterConflicts {

    private ClusterConflicts() {
    }

    /** The assignment lags the config topic (e.g. a connector was just created); a rebalance will fix it. */
    static ConflictException staleConfiguration() {
        return new ConflictException("Cannot complete request momentarily due to stale configuration (typically "
                + "caused by a concurrent config change)");
    }

    /** Not in a group generation yet (joining or rebalancing), so there is nobody to forward to. */
    static ConflictException noKnownLeader() {
        return new ConflictException("Cannot complete request momentarily due to no known leader URL, likely "
                + "because a rebalance was underway.");
    }

    /** A request forwarded twice still did not reach the leader: the workers disagree about who leads. */
    static ConflictException forwardedToNonLeader() {
        return new ConflictException("Cannot complete request because of a conflicting operation (e.g. worker "
                + "rebalance)");
    }

    /** A write was fenced by a newer leader: this worker led an older generation. */
    static ConflictException fencedLeader(String what) {
        return new ConflictException("Cannot complete request because this worker is no longer the leader of the "
                + "cluster (a newer leader fenced its write of " + what + "); retry the request");
    }
}
