package io.tributary.connect.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.common.utils.Time;

/** A clock that moves only when something sleeps on it, recording each sleep. */
final class FakeTime implements Time {

    private long nowMs = 1_000_000;
    final List<Long> sleeps = new ArrayList<>();
    Runnable onSleep = () -> { };

    @Override
    public long milliseconds() {
        return nowMs;
    }

    @Override
    public long nanoseconds() {
        return nowMs * 1_000_000;
    }

    @Override
    public void sleep(long ms) {
        sleeps.add(ms);
        nowMs += ms;
        onSleep.run();
    }

    @Override
    public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) {
        throw new UnsupportedOperationException();
    }
}
