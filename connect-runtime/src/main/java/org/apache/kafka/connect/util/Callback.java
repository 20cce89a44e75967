package org.apache.kafka.connect.util;

/**
 * Kafka Connect's completion callback, as the runtime utilities in this package report to plugins that use
 * them: {@link KafkaBasedLog} hands each record it reads, or a read error, to one.
 *
 * @param <V> the result type
 */
@FunctionalInterface
public interface Callback<V> {

    /**
     * Called once per completion.
     *
     * @param error  the failure, or null on success
     * @param result the result, or null on failure
     */
    void onCompletion(Throwable error, V result);
}
