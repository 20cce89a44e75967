package io.tributary.connect.storage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.connect.errors.ConnectException;

/** Writes through the config log's own idempotent producer: fine wherever no leader fencing is needed. */
final class LogConfigWriter implements ConfigWriter {

    private final KafkaLog log;

    LogConfigWriter(KafkaLog log) {
        this.log = log;
    }

    @Override
    public void write(List<ConfigRecordCodec.Encoded> records, Duration timeout) {
        CompletableFuture<?>[] acks = records.stream()
                .map(record -> log.send(record.key().getBytes(StandardCharsets.UTF_8), record.value()))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(acks).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not write to the config topic " + log.topic(), e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("Timed out writing to the config topic " + log.topic() + ": the Kafka cluster "
                    + "did not acknowledge the write within " + timeout.toMillis() + " ms; is it reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while writing to the config topic " + log.topic(), e);
        }
    }

    @Override
    public void close() {
    }
}
