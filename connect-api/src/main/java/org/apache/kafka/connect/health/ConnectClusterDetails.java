package org.apache.kafka.connect.health;

/** Static facts about the Connect cluster. */
public interface ConnectClusterDetails {

    /** The id of the Kafka cluster backing this Connect cluster. */
    String kafkaClusterId();
}
