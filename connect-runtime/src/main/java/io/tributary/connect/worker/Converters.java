package io.tributary.connect.worker;

import java.util.List;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * The key, value and header converters of one task, with the plugin metrics (KIP-877) that monitorable
 * converters registered; closing removes those after the converters themselves are closed.
 */
record Converters(Converter key, Converter value, HeaderConverter header, List<AutoCloseable> pluginMetrics)
        implements AutoCloseable {

    Converters(Converter key, Converter value, HeaderConverter header) {
        this(key, value, header, List.of());
    }

    @Override
    public void close() {
        Utils.closeQuietly(key, "key converter");
        Utils.closeQuietly(value, "value converter");
        Utils.closeQuietly(header, "header converter");
        pluginMetrics.forEach(metrics -> Utils.closeQuietly(metrics, "plugin metrics of a converter"));
    }
}
