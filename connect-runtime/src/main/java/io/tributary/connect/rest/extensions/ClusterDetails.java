package io.tributary.connect.rest.extensions;

import org.apache.kafka.connect.health.ConnectClusterDetails;

/** The Kafka cluster the Connect cluster works against, for REST extensions. */
record ClusterDetails(String kafkaClusterId) implements ConnectClusterDetails {
}
