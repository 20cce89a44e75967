package org.apache.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

class SourceConnectorTest {

    static class MinimalSourceConnector extends SourceConnector {
        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
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
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        SourceConnectorContext exposedContext() {
            return context();
        }
    }

    static class MinimalContext implements SourceConnectorContext {
        @Override
        public OffsetStorageReader offsetStorageReader() {
            return null;
        }

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
    }

    @Test
    void exactlyOnceSupportIsUndeclaredByDefault() {
        assertThat(new MinimalSourceConnector().exactlyOnceSupport(Map.of())).isNull();
    }

    @Test
    void transactionBoundariesAreUnsupportedByDefault() {
        assertThat(new MinimalSourceConnector().canDefineTransactionBoundaries(Map.of()))
                .isEqualTo(ConnectorTransactionBoundaries.UNSUPPORTED);
    }

    @Test
    void alteringOffsetsIsDeclinedByDefault() {
        assertThat(new MinimalSourceConnector().alterOffsets(Map.of(), Map.of(Map.of("p", 1), Map.of("o", 2))))
                .isFalse();
    }

    @Test
    void contextIsTheSourceConnectorContext() {
        MinimalSourceConnector connector = new MinimalSourceConnector();
        MinimalContext context = new MinimalContext();
        connector.initialize(context);
        assertThat(connector.exposedContext()).isSameAs(context);
    }

    @Test
    void contextOfTheWrongKindIsRejectedWhenRead() {
        MinimalSourceConnector connector = new MinimalSourceConnector();
        connector.initialize(new ConnectorContext() {
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
        });
        assertThatThrownBy(connector::exposedContext).isInstanceOf(ClassCastException.class);
    }

    @Test
    void transactionContextIsAbsentByDefault() {
        SourceTaskContext context = new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return Map.of();
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return null;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        };
        assertThat(context.transactionContext()).isNull();
    }
}
