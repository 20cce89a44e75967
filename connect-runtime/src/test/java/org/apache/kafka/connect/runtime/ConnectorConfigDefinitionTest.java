package org.apache.kafka.connect.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** The connector definition plugins build theirs on, as MirrorMaker 2's connectors call it. */
class ConnectorConfigDefinitionTest {

    @Test
    void itHasTheKeysOfTheWorkersConnectorDefinitionWithTheirDefaultsInOrder() {
        ConfigDef workers = io.tributary.connect.config.ConnectorConfig.configDef();

        ConfigDef plugins = ConnectorConfig.configDef();

        assertThat(plugins.configKeys().keySet()).containsExactlyElementsOf(workers.configKeys().keySet());
        plugins.configKeys().values().forEach(key -> {
            ConfigDef.ConfigKey worker = workers.configKeys().get(key.name);
            assertThat(key.type).as(key.name).isEqualTo(worker.type);
            assertThat(key.defaultValue).as(key.name).isEqualTo(worker.defaultValue);
            assertThat(key.group).as(key.name).isEqualTo(worker.group);
        });
    }

    @Test
    void eachCallGivesADefinitionOfItsOwnToBuildOn() {
        ConfigDef extended = ConnectorConfig.configDef().define("mirror.key", ConfigDef.Type.STRING, "x",
                ConfigDef.Importance.LOW, "A key of a plugin's own.");

        assertThat(extended.names()).contains("mirror.key");
        assertThat(ConnectorConfig.configDef().names()).doesNotContain("mirror.key");
    }

    @Test
    void aConverterVersionIsShownOnlyOnceItsConverterIsNamedAndNothingIsRecommended() {
        Map<String, String> config = new HashMap<>();
        config.put("name", "mirror");
        config.put("connector.class", "MirrorSourceConnector");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");

        Map<String, ConfigValue> values = validate(config);

        assertThat(values.get("key.converter.plugin.version").visible()).isFalse();
        assertThat(values.get("header.converter.plugin.version").visible()).isFalse();
        assertThat(values.get("value.converter.plugin.version").visible()).isTrue();
        assertThat(values.get("connector.plugin.version").visible()).isTrue();
        assertThat(values.values()).allSatisfy(value -> assertThat(value.recommendedValues()).isEmpty());
        assertThat(values.values()).allSatisfy(value -> assertThat(value.errorMessages()).isEmpty());
    }

    private static Map<String, ConfigValue> validate(Map<String, String> config) {
        List<ConfigValue> values = ConnectorConfig.configDef().validate(config);
        return values.stream().collect(Collectors.toMap(ConfigValue::name, Function.identity()));
    }
}
