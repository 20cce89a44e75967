package io.tributary.connect.worker;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.TransactionContext;

/**
 * What an exactly-once source task with {@code transaction.boundary=connector} asks of its transactions: commit
 * or abort after the next batch, or after a given record. The task thread records requests while it polls and
 * the same thread takes them as the batch is sent, so each request is answered once. Asking both to commit and to
 * abort the same batch or record is the connector's mistake, and fails the task as in Kafka Connect.
 */
final class WorkerTransactionContext implements TransactionContext {

    private final Set<SourceRecord> commitAfter = new HashSet<>();
    private final Set<SourceRecord> abortAfter = new HashSet<>();
    private boolean commitBatch;
    private boolean abortBatch;

    @Override
    public synchronized void commitTransaction() {
        commitBatch = true;
    }

    @Override
    public synchronized void commitTransaction(SourceRecord record) {
        commitAfter.add(Objects.requireNonNull(record, "Source record used to define transaction boundaries may not be null"));
    }

    @Override
    public synchronized void abortTransaction() {
        abortBatch = true;
    }

    @Override
    public synchronized void abortTransaction(SourceRecord record) {
        abortAfter.add(Objects.requireNonNull(record, "Source record used to define transaction boundaries may not be null"));
    }

    /** Whether the batch just sent should end its transaction with a commit; answers (and forgets) the request once. */
    synchronized boolean shouldCommitBatch() {
        checkBatch();
        boolean answer = commitBatch;
        commitBatch = false;
        return answer;
    }

    synchronized boolean shouldAbortBatch() {
        checkBatch();
        boolean answer = abortBatch;
        abortBatch = false;
        return answer;
    }

    /** Whether the transaction should commit right after this record; answers (and forgets) the request once. */
    synchronized boolean shouldCommitOn(SourceRecord record) {
        checkRecord(record);
        return commitAfter.remove(record);
    }

    synchronized boolean shouldAbortOn(SourceRecord record) {
        checkRecord(record);
        return abortAfter.remove(record);
    }

    private void checkBatch() {
        if (commitBatch && abortBatch) {
            throw new IllegalStateException("Connector requested both commit and abort of same transaction");
        }
    }

    private void checkRecord(SourceRecord record) {
        if (commitAfter.contains(record) && abortAfter.contains(record)) {
            throw new IllegalStateException(String.format("Connector requested both commit and abort of same record "
                    + "against topic/partition %s/%s", record.topic(), record.kafkaPartition()));
        }
    }
}
