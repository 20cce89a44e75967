package org.apache.kafka.connect.errors;

/** Signals that a value cannot be projected onto the target schema. */
public class SchemaProjectorException extends DataException {

    public SchemaProjectorException(String message) {
        super(message);
    }

    public SchemaProjectorException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaProjectorException(Throwable cause) {
        super(cause);
    }
}
