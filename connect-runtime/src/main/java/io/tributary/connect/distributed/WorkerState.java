package io.tributary.connect.distributed;

import java.util.Objects;

/**
 * What a member advertises in JoinGroup: where its REST server is, how far it has read the config topic,
 * and (cooperative protocols only) the work it currently runs, so the leader can move as little as possible.
 *
 * @param assignment the member's current share; {@link Assignment#empty()} when it holds nothing
 */
public record WorkerState(String url, long configOffset, Assignment assignment) {

    public WorkerState {
        Objects.requireNonNull(url, "url");
        assignment = assignment == null ? Assignment.empty() : assignment;
    }

    public WorkerState(String url, long configOffset) {
        this(url, configOffset, Assignment.empty());
    }
}
