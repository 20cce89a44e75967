package io.tributary.connect.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.connect.testkit.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** Writes and reads test topics as text. */
final class Records {

    private Records() {
    }

    /** Sends each value with key "k<index>" and a header h1=v1, to partition 0. */
    static void produce(KafkaBroker kafka, String topic, String... values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProperties())) {
            for (int i = 0; i < values.length; i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0, utf8("k" + i), utf8(values[i]));
                record.headers().add("h1", utf8("v1"));
                producer.send(record).get();
            }
        }
    }

    /** Reads until {@code count} records arrived (or the wait ends). */
    static List<ConsumerRecord<byte[], byte[]>> consume(KafkaBroker kafka, String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                kafka.consumerProperties("reader-" + topic + "-" + System.nanoTime()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + PipelineWorker.WAIT.toMillis();
            while (records.size() < count && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), text(header.value()));
        }
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
