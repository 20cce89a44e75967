package io.tributary.connect.worker;

import java.util.Objects;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an exactly-once source task's transactions end ({@code transaction.boundary}): after every polled batch
 * ({@code poll}), once {@code transaction.boundary.interval.ms} has passed ({@code interval}), or where the task
 * asks through its {@link WorkerTransactionContext} ({@code connector}). Asked on the task thread after each
 * record sent, after each batch and before the task pauses or stops.
 */
abstract class TransactionBoundaryManager {

    private static final Logger log = LoggerFactory.getLogger(TransactionBoundaryManager.class);

    /**
     * What to do with the open transaction. ABORT discards its records, yet their offsets are still committed (in
     * a transaction of their own) so that they are not polled again, as {@code TransactionContext} promises.
     */
    enum Decision { CONTINUE, COMMIT, ABORT }

    /** After a record was handed to the producer (or dropped by a transformation). */
    Decision afterRecord(SourceRecord record) {
        return Decision.CONTINUE;
    }

    /** After a polled batch was handed on (also after an empty poll). */
    Decision afterBatch(long nowMs) {
        return Decision.CONTINUE;
    }

    /** Before the task pauses or stops: COMMIT ends the open transaction; otherwise it is left to be aborted. */
    Decision beforeStop(long nowMs) {
        return Decision.COMMIT;
    }

    /** The send loop (re)starts: an interval starts counting. */
    void started(long nowMs) {
    }

    static TransactionBoundaryManager of(TransactionBoundary boundary, long intervalMs,
                                         WorkerTransactionContext context) {
        return switch (boundary) {
            case POLL -> new EveryPoll();
            case INTERVAL -> new Interval(intervalMs);
            case CONNECTOR -> new ConnectorDefined(Objects.requireNonNull(context,
                    "Transaction context must be provided when using connector-defined transaction boundaries"));
        };
    }

    private static final class EveryPoll extends TransactionBoundaryManager {
        @Override
        Decision afterBatch(long nowMs) {
            return Decision.COMMIT;
        }
    }

    private static final class Interval extends TransactionBoundaryManager {
        private final long intervalMs;
        private long lastCommitMs;

        Interval(long intervalMs) {
            this.intervalMs = intervalMs;
        }

        @Override
        void started(long nowMs) {
            lastCommitMs = nowMs;
        }

        @Override
        Decision afterBatch(long nowMs) {
            if (nowMs < lastCommitMs + intervalMs) {
                return Decision.CONTINUE;
            }
            lastCommitMs = nowMs;
            return Decision.COMMIT;
        }
    }

    /** The task's requests; a request for a record wins over one for the batch that record ends. */
    private static final class ConnectorDefined extends TransactionBoundaryManager {
        private final WorkerTransactionContext context;

        ConnectorDefined(WorkerTransactionContext context) {
            this.context = context;
        }

        @Override
        Decision afterRecord(SourceRecord record) {
            if (context.shouldAbortOn(record)) {
                log.info("Aborting transaction for record on topic {} as requested by connector", record.topic());
                return Decision.ABORT;
            }
            return context.shouldCommitOn(record) ? Decision.COMMIT : Decision.CONTINUE;
        }

        @Override
        Decision afterBatch(long nowMs) {
            if (context.shouldAbortBatch()) {
                log.info("Aborting transaction for batch as requested by connector");
                return Decision.ABORT;
            }
            return context.shouldCommitBatch() ? Decision.COMMIT : Decision.CONTINUE;
        }

        @Override
        Decision beforeStop(long nowMs) {
            return afterBatch(nowMs);
        }
    }
}
