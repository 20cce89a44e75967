package org.apache.kafka.connect.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.junit.jupiter.api.Test;

class ConnectorTest {

    /** Records lifecycle calls so tests can check their order. */
    static class RecordingConnector extends Connector {
        final List<String> calls = new ArrayList<>();

        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
            calls.add("start " + props);
        }

        @Override
        public Class<? extends Task> taskClass() {
            return null;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef().define("port", ConfigDef.Type.INT, ConfigDef.Importance.HIGH, "a port");
        }

        ConnectorContext exposedContext() {
            return context();
        }
    }

    static final ConnectorContext CONTEXT = new ConnectorContext() {
        @Override
        public void requestTaskReconfiguration() {
        }

        @Override
        public void raiseError(Exception e) {
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    };

    @Test
    void reconfigureStopsThenStartsWithTheNewProps() {
        RecordingConnector connector = new RecordingConnector();
        connector.reconfigure(Map.of("a", "b"));
        assertThat(connector.calls).containsExactly("stop", "start {a=b}");
    }

    @Test
    void initializeStoresTheContext() {
        RecordingConnector connector = new RecordingConnector();
        connector.initialize(CONTEXT);
        assertThat(connector.exposedContext()).isSameAs(CONTEXT);
    }

    @Test
    void initializeWithTaskConfigsAlsoStoresTheContext() {
        RecordingConnector connector = new RecordingConnector();
        connector.initialize(CONTEXT, List.of(Map.of("k", "v")));
        assertThat(connector.exposedContext()).isSameAs(CONTEXT);
    }

    @Test
    void validateChecksAgainstTheConfigDef() {
        List<ConfigValue> values = new RecordingConnector().validate(Map.of()).configValues();
        assertThat(values).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("port");
            assertThat(v.errorMessages()).isNotEmpty();
        });
    }

    @Test
    void validateAcceptsAValidConfig() {
        List<ConfigValue> values = new RecordingConnector().validate(Map.of("port", "80")).configValues();
        assertThat(values).singleElement().satisfies(v -> {
            assertThat(v.errorMessages()).isEmpty();
            assertThat(v.value()).isEqualTo(80);
        });
    }
}
