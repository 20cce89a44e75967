package io.tributary.connect.errors;

/**
 * Thrown by {@link ErrorHandler} after a record's failure was reported and tolerated: the caller drops
 * the record and goes on. It carries no stack trace because it is control flow, not a problem.
 */
public final class RecordSkippedException extends RuntimeException {

    static final RecordSkippedException INSTANCE = new RecordSkippedException();

    private RecordSkippedException() {
        super("record skipped after a tolerated failure", null, false, false);
    }
}
