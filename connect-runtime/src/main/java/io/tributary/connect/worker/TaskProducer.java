package io.tributary.connect.worker;

import java.time.Duration;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * What an at-least-once source task hands its records to: a producer of its own, or its lease on a producer
 * it shares with other tasks of equal client settings ({@link SharedProducers}). The task thread sends and
 * releases; {@link #abandon} may come from any thread.
 */
interface TaskProducer {

    /**
     * Sends as {@link Producer#send(ProducerRecord, Callback)} does, or sends nothing and answers false when the
     * task already has as many bytes in flight as it may (only a lease limits them).
     */
    boolean trySend(ProducerRecord<byte[], byte[]> record, Callback callback);

    /** Waits up to {@code timeoutMs} until {@link #trySend} may take another record; true if it may. */
    boolean awaitRoom(long timeoutMs) throws InterruptedException;

    /** Whether other tasks send through the same producer, so that closing it is not this task's to do. */
    boolean shared();

    /**
     * The task is done sending: its own producer is closed, waiting up to {@code timeout} for what it holds; a
     * lease is given back (the shared producer closes with its last lease). Acknowledgements of the task's
     * records that arrive later no longer reach the task. Idempotent.
     */
    void release(Duration timeout);

    /**
     * The task was given up on: release without waiting and without blocking the caller. A task thread blocked in
     * its own producer is freed by closing that producer; in a shared one only by interrupting the thread.
     */
    void abandon();

    /** A producer of the task's own, closed with the task (sharing disabled, or a task that cannot share). */
    static TaskProducer own(Producer<byte[], byte[]> producer, String owner) {
        return new TaskProducer() {
            @Override
            public boolean trySend(ProducerRecord<byte[], byte[]> record, Callback callback) {
                producer.send(record, callback);
                return true;
            }

            @Override
            public boolean awaitRoom(long timeoutMs) {
                return true;
            }

            @Override
            public boolean shared() {
                return false;
            }

            @Override
            public void release(Duration timeout) {
                producer.close(timeout);
            }

            @Override
            public void abandon() {
                // Closing without waiting still joins the producer's thread: on a thread of its own.
                Thread closer = new Thread(() -> Utils.closeQuietly(() -> producer.close(Duration.ZERO),
                        "producer of " + owner), "producer-closer-" + owner);
                closer.setDaemon(true);
                closer.start();
            }
        };
    }
}
