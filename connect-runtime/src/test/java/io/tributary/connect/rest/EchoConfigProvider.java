package io.tributary.connect.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;

/** A plugin of a kind the plugin config endpoint does not describe; it answers every key with itself. */
public class EchoConfigProvider implements ConfigProvider {

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public ConfigData get(String path) {
        return new ConfigData(Map.of());
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        Map<String, String> echoed = new HashMap<>();
        keys.forEach(key -> echoed.put(key, key));
        return new ConfigData(echoed);
    }

    @Override
    public void close() {
    }
}
