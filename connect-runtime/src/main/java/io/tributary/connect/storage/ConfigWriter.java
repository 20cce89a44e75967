package io.tributary.connect.storage;

import java.time.Duration;
import java.util.List;

/** Writes a batch of config records in order and returns once the broker acknowledged all of them. */
interface ConfigWriter extends AutoCloseable {

    void write(List<ConfigRecordCodec.Encoded> records, Duration timeout);

    @Override
    void close();
}
