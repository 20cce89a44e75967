package io.tributary.connect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class ProduceConsumeTest {

    @Test
    void recordsProducedToATopicAreConsumedBackInOrder(KafkaBroker kafka) throws Exception {
        kafka.createTopic("produce-consume");
        List<Map.Entry<String, String>> sent = List.of(
                Map.entry("k1", "first"), Map.entry("k2", "second"), Map.entry("k3", "third"));

        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(), new StringSerializer())) {
            for (Map.Entry<String, String> record : sent) {
                producer.send(new ProducerRecord<>("produce-consume", record.getKey(), record.getValue())).get();
            }
        }

        assertThat(consumeAll(kafka, "produce-consume", sent.size())).containsExactlyElementsOf(sent);
    }

    private static List<Map.Entry<String, String>> consumeAll(KafkaBroker kafka, String topic, int expected) {
        List<Map.Entry<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                kafka.consumerProperties("produce-consume-group"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(Map.entry(record.key(), record.value()));
                }
            }
        }
        return received;
    }
}
