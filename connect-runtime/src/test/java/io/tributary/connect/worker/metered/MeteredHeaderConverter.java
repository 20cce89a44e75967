package io.tributary.connect.worker.metered;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.storage.HeaderConverter;

/** Header values as UTF-8 strings, counting its conversions in a plugin metric. */
public class MeteredHeaderConverter implements HeaderConverter, Monitorable {

    private final AtomicInteger conversions = new AtomicInteger();
    private boolean configured;

    @Override
    public void configure(Map<String, ?> configs) {
        configured = true;
    }

    @Override
    public void withPluginMetrics(PluginMetrics metrics) {
        MeteredPlugins.count(metrics, MeteredConverter.CONVERSIONS, conversions);
        MeteredPlugins.flag(metrics, MeteredPlugins.CONFIGURED_FIRST, configured);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        conversions.incrementAndGet();
        return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA,
                value == null ? null : new String(value, StandardCharsets.UTF_8));
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        conversions.incrementAndGet();
        return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void close() {
    }
}
