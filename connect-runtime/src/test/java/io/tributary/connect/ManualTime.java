package io.tributary.connect;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.utils.Time;

/**
 * A clock that moves only when a test moves it (or something sleeps on it), so that intervals, timeouts and
 * back-offs are tested without waiting for them. Thread safe: the code under test reads it on its own threads.
 * Kafka's MockTime lives in a test jar the build does not have; this is the part of it the tests need.
 */
public final class ManualTime implements Time {

    private final AtomicLong nanos;

    public ManualTime() {
        this(1_000_000);
    }

    public ManualTime(long startMs) {
        this.nanos = new AtomicLong(TimeUnit.MILLISECONDS.toNanos(startMs));
    }

    @Override
    public long milliseconds() {
        return TimeUnit.NANOSECONDS.toMillis(nanos.get());
    }

    @Override
    public long nanoseconds() {
        return nanos.get();
    }

    /** Sleeping on this clock moves it: the sleeper wakes at once, the time having passed. */
    @Override
    public void sleep(long ms) {
        advance(ms);
    }

    public void advance(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    public void setMilliseconds(long ms) {
        nanos.set(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    /** Waits on {@code obj} in short real slices, so that either a notify or a test moving the clock ends it. */
    @Override
    public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) throws InterruptedException {
        synchronized (obj) {
            while (!condition.get()) {
                if (milliseconds() >= deadlineMs) {
                    throw new TimeoutException("Condition not satisfied before deadline");
                }
                obj.wait(10);
            }
        }
    }
}
