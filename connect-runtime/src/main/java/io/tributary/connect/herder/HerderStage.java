package io.tributary.connect.herder;

import java.time.Instant;

/**
 * What the herder thread is busy with right now, and since when: named in the answer to a request that timed
 * out waiting for it, so the user sees the cause (for instance a Kafka cluster that does not answer).
 */
public record HerderStage(String description, long startedAtMs) {

    /** One sentence for error messages, e.g. "The worker is currently X, which began at 2026-12-07T10:00:00Z." */
    public String describe() {
        return "The worker is currently " + description + ", which began at " + Instant.ofEpochMilli(startedAtMs)
                + ".";
    }
}
