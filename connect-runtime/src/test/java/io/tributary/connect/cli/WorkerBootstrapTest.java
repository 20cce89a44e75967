package io.tributary.connect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.config.DistributedConfig;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerBootstrapTest {

    private static Map<String, String> workerProps(String converter) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "localhost:9092");
        props.put("group.id", "bootstrap-test");
        props.put("config.storage.topic", "bootstrap-test-configs");
        props.put("offset.storage.topic", "bootstrap-test-offsets");
        props.put("status.storage.topic", "bootstrap-test-status");
        props.put("key.converter", converter);
        props.put("value.converter", converter);
        return props;
    }

    @Test
    void settingsNamingClassesOnTheClasspathParseWithoutPlugins() {
        assertThat(WorkerBootstrap.parseWithoutPlugins(
                workerProps("org.apache.kafka.connect.json.JsonConverter"), DistributedConfig::new))
                .hasValueSatisfying(config -> assertThat(config.groupId()).isEqualTo("bootstrap-test"));
    }

    @Test
    void aConverterNamedByAliasWaitsForThePlugins() {
        assertThat(WorkerBootstrap.parseWithoutPlugins(workerProps("JsonConverter"), DistributedConfig::new)).isEmpty();
    }

    @Test
    void configProvidersAreResolvedOnlyOnceWithThePlugins() {
        Map<String, String> props = workerProps("org.apache.kafka.connect.json.JsonConverter");
        props.put("config.providers", "file");
        props.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");

        assertThat(WorkerBootstrap.parseWithoutPlugins(props, DistributedConfig::new)).isEmpty();
    }

    @Test
    void invalidSettingsWaitForTheRegularParseToReportThem() {
        Map<String, String> props = workerProps("org.apache.kafka.connect.json.JsonConverter");
        props.remove("group.id");

        assertThat(WorkerBootstrap.parseWithoutPlugins(props, DistributedConfig::new)).isEmpty();
    }
}
