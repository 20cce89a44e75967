package org.apache.kafka.connect.source;

/**
 * Lets a source task whose connector defines transaction boundaries commit or abort the current
 * transaction. Requests take effect once the worker has dispatched the relevant records.
 */
public interface TransactionContext {

    /** Commits after the records polled so far have been dispatched. */
    void commitTransaction();

    /** Commits right after the given record has been dispatched. */
    void commitTransaction(SourceRecord record);

    /** Aborts, discarding the records polled since the last commit. */
    void abortTransaction();

    /** Aborts right after the given record, which is discarded along with the rest of the transaction. */
    void abortTransaction(SourceRecord record);
}
