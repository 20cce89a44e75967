package io.tributary.connect.worker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.utils.Time;

/**
 * The records a source task handed to the producer, in order per source partition, so that an
 * offset is committed only when its record and every earlier record of the same partition were
 * acknowledged by the broker. Thread safe: the task thread submits, producer threads acknowledge,
 * the committer takes the committable offsets.
 */
final class SubmittedRecords {

    /** One record in flight; acknowledge it once the broker has it (or it was filtered out). */
    final class Submitted {
        private final Map<String, Object> partition;
        private final Map<String, Object> offset;
        private boolean acked;

        private Submitted(Map<String, Object> partition, Map<String, Object> offset) {
            this.partition = partition;
            this.offset = offset;
        }

        void ack() {
            synchronized (SubmittedRecords.this) {
                if (!acked) {
                    acked = true;
                    unacked--;
                    if (unacked <= wakeAt) {
                        // Only the task thread waits, for the count it asked for.
                        SubmittedRecords.this.notifyAll();
                    }
                }
            }
        }

        /**
         * Forgets a record the producer refused at once (it will be submitted again). Only the newest record
         * of its partition may be dropped, which the refused one always is.
         */
        void drop() {
            synchronized (SubmittedRecords.this) {
                Deque<Submitted> records = inFlight.get(partition);
                if (records == null || records.peekLast() != this) {
                    throw new IllegalStateException("Only the newest record of a source partition can be dropped");
                }
                records.pollLast();
                if (records.isEmpty()) {
                    inFlight.remove(partition);
                }
                if (!acked) {
                    acked = true;
                    unacked--;
                }
            }
        }
    }

    /**
     * The newest offset per partition whose records are all acknowledged, and how many records are
     * still waiting for an acknowledgement.
     */
    record CommittableOffsets(Map<Map<String, Object>, Map<String, Object>> offsets, int pending) {
    }

    private final Time time;
    private final Map<Map<String, Object>, Deque<Submitted>> inFlight = new HashMap<>();
    private int unacked;
    /** The unacknowledged count a waiting thread wants to hear about. */
    private int wakeAt;

    /** @param time measures the waits of {@link #awaitAtMost} */
    SubmittedRecords(Time time) {
        this.time = time;
    }

    @SuppressWarnings("unchecked")
    synchronized Submitted submit(Map<String, ?> partition, Map<String, ?> offset) {
        Submitted record = new Submitted((Map<String, Object>) partition, (Map<String, Object>) offset);
        inFlight.computeIfAbsent(record.partition, p -> new ArrayDeque<>()).addLast(record);
        unacked++;
        return record;
    }

    /**
     * Removes the acknowledged prefix of every partition and answers the offset of the last record
     * removed per partition. Records without a source partition keep no offset.
     */
    synchronized CommittableOffsets committableOffsets() {
        Map<Map<String, Object>, Map<String, Object>> offsets = new LinkedHashMap<>();
        int pending = 0;
        for (Iterator<Map.Entry<Map<String, Object>, Deque<Submitted>>> it = inFlight.entrySet().iterator();
             it.hasNext(); ) {
            Map.Entry<Map<String, Object>, Deque<Submitted>> entry = it.next();
            Deque<Submitted> records = entry.getValue();
            Submitted last = null;
            while (!records.isEmpty() && records.peekFirst().acked) {
                last = records.pollFirst();
            }
            if (last != null && entry.getKey() != null) {
                offsets.put(entry.getKey(), last.offset);
            }
            if (records.isEmpty()) {
                it.remove();
            } else {
                pending += records.size();
            }
        }
        return new CommittableOffsets(offsets, pending);
    }

    /**
     * True when some source partition's oldest record in flight is acknowledged, i.e. {@link #committableOffsets}
     * would answer an offset. Cheap: looks at one record per partition.
     */
    synchronized boolean hasCommittableOffsets() {
        for (Map.Entry<Map<String, Object>, Deque<Submitted>> entry : inFlight.entrySet()) {
            // A partition's deque is never empty: committableOffsets drops emptied ones.
            if (entry.getKey() != null && entry.getValue().peekFirst().acked) {
                return true;
            }
        }
        return false;
    }

    /** Waits until every submitted record is acknowledged; false if the time ran out first. */
    synchronized boolean awaitAllAcked(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitAtMost(0, timeout, unit);
    }

    /** Waits until at most {@code limit} records are unacknowledged; false if the time ran out first. */
    synchronized boolean awaitAtMost(int limit, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = time.nanoseconds() + unit.toNanos(timeout);
        wakeAt = limit;
        try {
            while (unacked > limit) {
                long remaining = deadline - time.nanoseconds();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
            return true;
        } finally {
            wakeAt = 0;
        }
    }

    synchronized int unacknowledged() {
        return unacked;
    }
}
