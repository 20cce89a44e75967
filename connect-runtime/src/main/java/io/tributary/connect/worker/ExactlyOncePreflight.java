package io.tributary.connect.worker;

/**
 * What the herder checks, on the task's thread, before an exactly-once source task may write: before its
 * transactional producer is initialized, that the previous generation of the connector's tasks was fenced out (the
 * leader fences it and records the new task count); after, that the task's configs are still the newest generation
 * and the task is still this worker's. Either may throw to fail the task instead of letting it write.
 */
public interface ExactlyOncePreflight {

    /** Checks nothing: for tests and runtimes without a cluster. */
    ExactlyOncePreflight NONE = new ExactlyOncePreflight() {
        @Override
        public void beforeProducer() {
        }

        @Override
        public void afterProducer() {
        }
    };

    void beforeProducer();

    void afterProducer();
}
