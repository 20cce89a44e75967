package io.tributary.connect.testkit;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What a test needs from a running Kafka cluster: where it is, a way to make topics, and client
 * settings that work against it. Obtained by parameter injection from {@link KafkaBrokerExtension}
 * or from {@link KafkaCluster#broker()}.
 */
public interface KafkaBroker {

    /** The {@code bootstrap.servers} value for clients of this cluster. */
    String bootstrapServers();

    /** Creates a topic and waits until the cluster has it; replication is the cluster size capped at 3. */
    void createTopic(String name, int partitions, Map<String, String> configs);

    default void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    default void createTopic(String name) {
        createTopic(name, 1, Map.of());
    }

    /** A new admin client; the caller closes it. */
    default Admin admin() {
        return Admin.create(adminProperties());
    }

    /** Admin client settings; a fresh mutable map each call. */
    default Map<String, Object> adminProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /**
     * Producer settings with byte-array serializers (pass serializer instances to the producer's
     * constructor to use other types); a fresh mutable map each call.
     */
    default Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /**
     * Consumer settings with byte-array deserializers, reading from the earliest offset and
     * without auto-commit so a test sees every record; a fresh mutable map each call.
     */
    default Map<String, Object> consumerProperties(String groupId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }
}
