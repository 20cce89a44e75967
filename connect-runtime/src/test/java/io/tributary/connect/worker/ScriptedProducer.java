package io.tributary.connect.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A MockProducer whose sends the test completes or fails by hand, and which can also refuse chosen records
 * at once (as send() throwing), hold every send until it is closed (as a producer waiting for metadata of
 * an unreachable broker does), or hold its close. Sends are noted in a shared event list.
 */
final class ScriptedProducer extends MockProducer<byte[], byte[]> {

    private static final long HOLD_LIMIT_SECONDS = 30;

    /** Each close: its timeout and the thread that called it. */
    record Close(Duration timeout, Thread thread) {
    }

    final List<Close> closes = new CopyOnWriteArrayList<>();
    private final List<String> events;
    private final Map<String, Queue<Supplier<RuntimeException>>> refusals = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> attemptNanos = new ConcurrentHashMap<>();
    private final CountDownLatch closeCalled = new CountDownLatch(1);
    private final CountDownLatch sendHeld = new CountDownLatch(1);
    private volatile boolean holdSendsUntilClosed;
    private volatile CountDownLatch closeReleased = new CountDownLatch(0);

    ScriptedProducer(List<String> events) {
        super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        this.events = events;
    }

    /** The next send of the record with this value throws what the supplier answers (it may act first). */
    void refuse(String value, Supplier<RuntimeException> refusal) {
        refusals.computeIfAbsent(value, v -> new ConcurrentLinkedQueue<>()).add(refusal);
    }

    /** From now on a send waits until the producer is closed, then throws. */
    void holdSendsUntilClosed() {
        holdSendsUntilClosed = true;
    }

    /** Whether a send is waiting for the close, within the time given. */
    boolean awaitSendHeld(Duration timeout) throws InterruptedException {
        return sendHeld.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** From now on close() returns only once the latch is released. */
    void holdCloseUntil(CountDownLatch release) {
        closeReleased = release;
    }

    /** When each send of the record with this value was attempted (refused or not), in System.nanoTime(). */
    List<Long> attemptsOf(String value) {
        return attemptNanos.getOrDefault(value, List.of());
    }

    List<String> sentValues() {
        return history().stream().map(record -> text(record.value())).toList();
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        String value = text(record.value());
        attemptNanos.computeIfAbsent(value, v -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
        Supplier<RuntimeException> refusal = refusals.getOrDefault(value, new ArrayDeque<>()).poll();
        if (refusal != null) {
            events.add("refused " + value);
            throw refusal.get();
        }
        if (holdSendsUntilClosed) {
            sendHeld.countDown();
            await(closeCalled);
            throw new KafkaException("Producer closed while a send waited for the broker");
        }
        events.add("sent " + value);
        return super.send(record, callback);
    }

    @Override
    public void close(Duration timeout) {
        closes.add(new Close(timeout, Thread.currentThread()));
        closeCalled.countDown();
        await(closeReleased);
        super.close(timeout);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released the producer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
