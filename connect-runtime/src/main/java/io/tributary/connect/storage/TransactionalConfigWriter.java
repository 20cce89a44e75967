package io.tributary.connect.storage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Writes leader-only config records in transactions under one transactional id shared by the whole
 * cluster: creating a writer fences every earlier one, so a deposed leader can no longer write.
 */
final class TransactionalConfigWriter implements ConfigWriter {

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private boolean fenced;

    TransactionalConfigWriter(String topic, String transactionalId, Map<String, Object> producerProperties) {
        this.topic = topic;
        Map<String, Object> props = new HashMap<>(producerProperties);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(props);
        try {
            producer.initTransactions();
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new ConnectException("Could not claim the config topic " + topic + " with transactional id "
                    + transactionalId, e);
        }
    }

    // The producer's own max.block.ms and transaction timeout bound this write, not the timeout given.
    @Override
    public synchronized void write(List<ConfigRecordCodec.Encoded> records, Duration timeout) {
        if (fenced) {
            throw new FencedLeaderException("Another worker has claimed the config topic " + topic, null);
        }
        try {
            producer.beginTransaction();
            for (ConfigRecordCodec.Encoded record : records) {
                producer.send(new ProducerRecord<>(topic, record.key().getBytes(StandardCharsets.UTF_8), record.value()));
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            fenced = true;
            throw new FencedLeaderException("Another worker has claimed the config topic " + topic
                    + "; this worker is no longer the leader", e);
        } catch (KafkaException e) {
            abortQuietly();
            throw new ConnectException("Could not write to the config topic " + topic, e);
        }
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (KafkaException ignored) {
            // The transaction times out on the broker anyway; the write already failed.
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
