package org.apache.kafka.connect.transforms;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** The unit of Unix times read and written by {@link TimestampConverter}. */
enum UnixPrecision {
    NANOSECONDS("nanoseconds", TimeUnit.NANOSECONDS),
    MICROSECONDS("microseconds", TimeUnit.MICROSECONDS),
    MILLISECONDS("milliseconds", TimeUnit.MILLISECONDS),
    SECONDS("seconds", TimeUnit.SECONDS);

    final String configName;
    private final TimeUnit unit;

    UnixPrecision(String configName, TimeUnit unit) {
        this.configName = configName;
        this.unit = unit;
    }

    static String[] configNames() {
        return Arrays.stream(values()).map(p -> p.configName).toArray(String[]::new);
    }

    static UnixPrecision forConfigName(String name) {
        for (UnixPrecision precision : values()) {
            if (precision.configName.equals(name)) {
                return precision;
            }
        }
        throw new IllegalArgumentException("Unknown Unix precision: " + name);
    }

    long toMillis(long time) {
        return unit.toMillis(time);
    }

    long fromMillis(long millis) {
        return unit.convert(millis, TimeUnit.MILLISECONDS);
    }
}
