package io.tributary.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", "/tmp/offsets");
        return props;
    }

    private static Map<String, String> minimalWith(String key, String value) {
        Map<String, String> props = minimal();
        props.put(key, value);
        return props;
    }

    @Test
    void minimalStandaloneConfigTakesKafkaConnectDefaults() {
        StandaloneConfig config = new StandaloneConfig(minimal());

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.offsetCommitInterval()).isEqualTo(60000L);
        assertThat(config.getList(RestServerConfigs.LISTENERS_CONFIG)).containsExactly("http://:8083");
        assertThat(config.getClass(WorkerConfig.HEADER_CONVERTER_CLASS_CONFIG).getName())
            .isEqualTo("org.apache.kafka.connect.storage.SimpleHeaderConverter");
        assertThat(config.offsetStorageFile()).isEqualTo("/tmp/offsets");
        assertThat(config.groupId()).isNull();
        assertThat(config.exactlyOnceSourceEnabled()).isFalse();
    }

    @Test
    void invalidValueStopsStartupNamingKeyAndValue() {
        assertThatThrownBy(() -> new StandaloneConfig(minimalWith("metrics.num.samples", "0")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("metrics.num.samples")
            .hasMessageContaining("0");
    }

    @Test
    void unparsableNumberStopsStartupNamingKeyAndValue() {
        assertThatThrownBy(() -> new StandaloneConfig(minimalWith("offset.flush.interval.ms", "soon")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("offset.flush.interval.ms")
            .hasMessageContaining("soon");
    }

    @Test
    void unknownConverterClassStopsStartupNamingKeyAndClass() {
        assertThatThrownBy(() -> new StandaloneConfig(minimalWith("key.converter", "com.example.Missing")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key.converter")
            .hasMessageContaining("com.example.Missing");
    }

    @Test
    void missingOffsetsFileIsReported() {
        Map<String, String> props = minimal();
        props.remove("offset.storage.file.filename");

        assertThatThrownBy(() -> new StandaloneConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("offset.storage.file.filename");
    }

    @Test
    void pluginDiscoveryIsCaseInsensitive() {
        StandaloneConfig config = new StandaloneConfig(minimalWith("plugin.discovery", "service_load"));

        assertThat(WorkerConfig.pluginDiscovery(config.originalsStrings())).isEqualTo(PluginDiscoveryMode.SERVICE_LOAD);
    }

    @Test
    void pluginDiscoveryDefaultsToHybridWarn() {
        assertThat(WorkerConfig.pluginDiscovery(Map.of())).isEqualTo(PluginDiscoveryMode.HYBRID_WARN);
    }

    @Test
    void emptyListenersAreRejected() {
        assertThatThrownBy(() -> new StandaloneConfig(minimalWith("listeners", "")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("listeners");
    }

    @Test
    void blankListenerEntryIsRejected() {
        assertThatThrownBy(() -> new StandaloneConfig(minimalWith("admin.listeners", "http://a:1,,http://b:2")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("admin.listeners");
    }

    @Test
    void emptyAdminListenersAreAllowed() {
        StandaloneConfig config = new StandaloneConfig(minimalWith("admin.listeners", ""));

        assertThat(config.getList(RestServerConfigs.ADMIN_LISTENERS_CONFIG)).isEmpty();
    }

    @Test
    void malformedResponseHeaderRuleIsRejectedNamingKey() {
        assertThatThrownBy(() -> new StandaloneConfig(minimalWith("response.http.headers.config", "bogus X:1")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("response.http.headers.config")
            .hasMessageContaining("bogus");
    }

    @Test
    void quotedResponseHeaderRuleMayContainComma() {
        List<ResponseHeaderRule> rules = ResponseHeaderRule.parseAll("\"set Cache-Control:no-cache, no-store\", add X:1");

        assertThat(rules).containsExactly(
            new ResponseHeaderRule(ResponseHeaderRule.Action.SET, "Cache-Control", "no-cache, no-store"),
            new ResponseHeaderRule(ResponseHeaderRule.Action.ADD, "X", "1"));
    }

    @Test
    void responseHeaderActionIsCaseInsensitive() {
        assertThat(ResponseHeaderRule.parseAll("SETDATE Expires:0"))
            .containsExactly(new ResponseHeaderRule(ResponseHeaderRule.Action.SET_DATE, "Expires", "0"));
    }

    @Test
    void responseHeaderRuleWithoutValueIsRejected() {
        assertThatThrownBy(() -> ResponseHeaderRule.parseAll("set X:"))
            .isInstanceOf(ConfigException.class);
    }

    @Test
    void responseHeaderNameWithWhitespaceIsRejected() {
        assertThatThrownBy(() -> ResponseHeaderRule.parseAll("set X Y:1"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("X Y");
    }

    @Test
    void emptyRuleBetweenCommasIsRejectedButTrailingCommaIsNot() {
        assertThat(ResponseHeaderRule.parseAll("set X:1,")).hasSize(1);
        assertThatThrownBy(() -> ResponseHeaderRule.parseAll("set X:1,,set Y:2"))
            .isInstanceOf(ConfigException.class);
    }
}
