package io.tributary.connect.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators of the partition count and replication factor the worker creates its internal topics with. */
final class InternalTopicValidators {

    private InternalTopicValidators() {
    }

    /** -1 leaves the partition count to the broker; 0 or below -1 cannot create a topic. */
    static ConfigDef.Validator partitions() {
        return new PositiveOrBrokerDefault("Number of partitions must be positive, or -1 to use the broker's default",
            "Positive number, or -1 to use the broker's default");
    }

    /** The broker checks the upper bound when the topic is created; here only the sign. */
    static ConfigDef.Validator replicationFactor() {
        return new PositiveOrBrokerDefault("Replication factor must be positive and not larger than the number of "
            + "brokers in the Kafka cluster, or -1 to use the broker's default",
            "Positive number not larger than the number of brokers in the Kafka cluster, or -1 to use the broker's "
                + "default");
    }

    private record PositiveOrBrokerDefault(String error, String description) implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            long number = ((Number) value).longValue();
            if (number != -1 && number < 1) {
                throw new ConfigException(name, value, error);
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
