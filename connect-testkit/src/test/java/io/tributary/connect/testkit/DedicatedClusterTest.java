package io.tributary.connect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class DedicatedClusterTest {

    @Test
    void closingADedicatedClusterReleasesItsPorts() throws Exception {
        KafkaCluster cluster = KafkaCluster.startSingleNode();
        List<Integer> ports = Ports.of(cluster.bootstrapServers());
        assertThat(ports).noneMatch(Ports::isFree);

        cluster.close();

        assertThat(ports).allMatch(Ports::isFree);
    }

    @Test
    void dedicatedClusterIsSeparateFromTheSharedOne(KafkaBroker shared) throws Exception {
        try (KafkaCluster cluster = KafkaCluster.startSingleNode()) {
            assertThat(cluster.bootstrapServers()).isNotEqualTo(shared.bootstrapServers());
        }
    }

    @Test
    void remainingBrokersKeepServingAfterOneIsStopped() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.start(2)) {
            cluster.broker().createTopic("replicated", 1);
            int stopped = cluster.brokerIds().get(1);

            cluster.stopBroker(stopped);

            var props = cluster.broker().producerProperties();
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
            try (KafkaProducer<String, String> producer =
                         new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                RecordMetadata written = producer.send(new ProducerRecord<>("replicated", "k", "v")).get();
                assertThat(written.offset()).isZero();
            }
            try (Admin admin = cluster.broker().admin()) {
                assertThat(admin.describeCluster().nodes().get()).extracting(node -> node.id())
                        .doesNotContain(stopped);
            }
        }
    }
}
