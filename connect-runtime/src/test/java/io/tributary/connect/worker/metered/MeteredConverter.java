package io.tributary.connect.worker.metered;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.storage.Converter;

/** Strings as UTF-8, counting its conversions in a plugin metric. */
public class MeteredConverter implements Converter, Monitorable {

    static final String CONVERSIONS = "conversions";

    private final AtomicInteger conversions = new AtomicInteger();
    private boolean configured;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configured = true;
    }

    @Override
    public void withPluginMetrics(PluginMetrics metrics) {
        MeteredPlugins.count(metrics, CONVERSIONS, conversions);
        MeteredPlugins.flag(metrics, MeteredPlugins.CONFIGURED_FIRST, configured);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        conversions.incrementAndGet();
        return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        conversions.incrementAndGet();
        return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA,
                value == null ? null : new String(value, StandardCharsets.UTF_8));
    }
}
