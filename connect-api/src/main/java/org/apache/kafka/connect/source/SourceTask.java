package org.apache.kafka.connect.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.connector.Task;

/** A task that polls an external system for records to write to Kafka. */
public abstract class SourceTask implements Task {

    /** The connector config choosing how transactions are delimited under exactly-once delivery. */
    public static final String TRANSACTION_BOUNDARY_CONFIG = "transaction.boundary";

    protected SourceTaskContext context;

    public void initialize(SourceTaskContext context) {
        this.context = context;
    }

    @Override
    public abstract void start(Map<String, String> props);

    /** Returns new records, or null when there are none yet; should block only briefly. */
    public abstract List<SourceRecord> poll() throws InterruptedException;

    /** Called after offsets were committed. The default does nothing. */
    public void commit() throws InterruptedException {
    }

    @Override
    public abstract void stop();

    /**
     * Called once per record after it was acknowledged by Kafka, or filtered out (metadata null).
     * The default does nothing.
     */
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
    }

    /** How the worker groups records into transactions when exactly-once delivery is on. */
    public enum TransactionBoundary {
        /** One transaction per batch returned from poll. */
        POLL,
        /** A transaction per fixed time interval. */
        INTERVAL,
        /** The connector decides, through its {@link TransactionContext}. */
        CONNECTOR;

        public static final TransactionBoundary DEFAULT = POLL;

        /** Parses a config value, ignoring case and surrounding whitespace. */
        public static TransactionBoundary fromProperty(String property) {
            Objects.requireNonNull(property, "Value for transaction boundary property may not be null");
            return valueOf(property.trim().toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
