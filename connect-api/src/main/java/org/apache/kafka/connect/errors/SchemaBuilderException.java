package org.apache.kafka.connect.errors;

/** Signals an invalid step while building a schema. */
public class SchemaBuilderException extends DataException {

    public SchemaBuilderException(String message) {
        super(message);
    }

    public SchemaBuilderException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaBuilderException(Throwable cause) {
        super(cause);
    }
}
