package io.tributary.connect.worker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many records the source tasks of one worker may have handed to their producers and not yet seen
 * acknowledged, shared evenly among the tasks producing. Every record in flight keeps its source record, offsets
 * and callback alive; once they outlast a few young collections the collector copies them again and again and then
 * promotes them. One fast task gets the whole budget, enough to keep its producer's requests full; four tasks of a
 * MirrorMaker 2 connector get a quarter each rather than four times the memory (which, with 10,000 records each,
 * doubled the worker's resident memory and spent a third of its time copying records in young collections).
 */
final class UnacknowledgedRecordBudget {

    /** Records in flight for the whole worker. */
    static final int WORKER_RECORDS = 10_000;
    /** No task gets less, however many share the worker: enough for a poll or two of a typical source. */
    static final int MIN_TASK_RECORDS = 1_000;

    private final AtomicInteger producing = new AtomicInteger();

    /** A task's share, counted while the task produces (not while it is paused) and given back when it stops. */
    Share join() {
        producing.incrementAndGet();
        return new Share();
    }

    /** The number of records each producing task may have unacknowledged now. */
    int perTask() {
        return Math.max(MIN_TASK_RECORDS, WORKER_RECORDS / Math.max(1, producing.get()));
    }

    /** One task's share; used by the task's own thread only. */
    final class Share implements AutoCloseable {

        private boolean counted = true;

        int limit() {
            return perTask();
        }

        /** A paused task holds nothing in flight: the others may use its part meanwhile. */
        void producing(boolean producing) {
            if (producing != counted) {
                counted = producing;
                UnacknowledgedRecordBudget.this.producing.addAndGet(producing ? 1 : -1);
            }
        }

        @Override
        public void close() {
            producing(false);
        }
    }
}
