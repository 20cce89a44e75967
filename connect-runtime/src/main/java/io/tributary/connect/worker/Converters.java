package io.tributary.connect.worker;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/** The key, value and header converters of one task. */
record Converters(Converter key, Converter value, HeaderConverter header) implements AutoCloseable {

    @Override
    public void close() {
        Utils.closeQuietly(key, "key converter");
        Utils.closeQuietly(value, "value converter");
        Utils.closeQuietly(header, "header converter");
    }
}
