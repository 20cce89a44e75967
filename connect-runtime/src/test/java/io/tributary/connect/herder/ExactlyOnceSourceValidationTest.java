package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.config.SourceConnectorConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

/** A distributed worker's checks of exactly.once.support and transaction.boundary, with Kafka Connect's messages. */
class ExactlyOnceSourceValidationTest {

    @Test
    void requiredNeedsTheWorkersSupportAndTheConnectorsWord() {
        assertThat(errors(true, ExactlyOnceSupport.SUPPORTED, "exactly.once.support", "required")).isEmpty();
        assertThat(errors(false, ExactlyOnceSupport.SUPPORTED, "exactly.once.support", "required"))
                .containsExactly("This worker does not have exactly-once source support enabled.");
        assertThat(errors(true, ExactlyOnceSupport.UNSUPPORTED, "exactly.once.support", "REQUIRED"))
                .containsExactly("The connector does not support exactly-once semantics with the provided configuration.");
        assertThat(errors(true, null, "exactly.once.support", "required")).singleElement().asString()
                .startsWith("The connector does not implement the API required for preflight validation of exactly-once "
                        + "source support.")
                .contains("use the value \"requested\" for this property");
    }

    @Test
    void requestedIsNotChecked() {
        assertThat(errors(false, ExactlyOnceSupport.UNSUPPORTED, "exactly.once.support", "requested")).isEmpty();
    }

    @Test
    void aConnectorThrowingFromItsCheckIsReportedAsAValidationError() {
        assertThat(errors(true, new IllegalStateException(" no file "), "exactly.once.support", "required"))
                .containsExactly("An unexpected error occurred during validation: no file");
        assertThat(errors(true, new IllegalStateException(), "exactly.once.support", "required"))
                .containsExactly("An unexpected error occurred during validation; please see the worker logs for "
                        + "more details.");
    }

    @Test
    void connectorBoundariesNeedTheConnectorToDefineThem() {
        assertThat(boundaryErrors(ConnectorTransactionBoundaries.SUPPORTED, "connector")).isEmpty();
        assertThat(boundaryErrors(ConnectorTransactionBoundaries.UNSUPPORTED, "connector")).containsExactly(
                "The connector does not support connector-defined transaction boundaries with the given configuration. "
                        + "Please reconfigure it to use a different transaction boundary definition.");
        assertThat(boundaryErrors(null, "Connector")).containsExactly("This connector has returned a null value from "
                + "its canDefineTransactionBoundaries method, which is not permitted. The connector will be treated as "
                + "if it cannot define its own transaction boundaries, and cannot be configured with "
                + "'transaction.boundary' set to 'connector'.");
        assertThat(boundaryErrors(ConnectorTransactionBoundaries.UNSUPPORTED, "poll")).isEmpty();
    }

    private static List<String> errors(boolean workerEnabled, Object answer, String key, String value) {
        Map<String, ConfigValue> values = validated(Map.of(key, value));
        new ExactlyOnceSourceValidation(workerEnabled).check(values, Map.of(key, value), new Answering(answer, null),
                ExactlyOnceSourceValidationTest.class.getClassLoader());
        return values.get(SourceConnectorConfig.EXACTLY_ONCE_SUPPORT_CONFIG).errorMessages();
    }

    private static List<String> boundaryErrors(ConnectorTransactionBoundaries answer, String value) {
        Map<String, String> config = Map.of(SourceConnectorConfig.TRANSACTION_BOUNDARY_CONFIG, value);
        Map<String, ConfigValue> values = validated(config);
        new ExactlyOnceSourceValidation(true).check(values, config, new Answering(ExactlyOnceSupport.SUPPORTED, answer),
                ExactlyOnceSourceValidationTest.class.getClassLoader());
        return values.get(SourceConnectorConfig.TRANSACTION_BOUNDARY_CONFIG).errorMessages();
    }

    private static Map<String, ConfigValue> validated(Map<String, String> settings) {
        Map<String, String> config = new HashMap<>(settings);
        config.put("name", "c");
        config.put("connector.class", "FileStreamSource");
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        SourceConnectorConfig.configDef().validate(config).forEach(v -> values.put(v.name(), v));
        return values;
    }

    /** A source connector answering the two questions as told; an exception answer is thrown. */
    private static final class Answering extends SourceConnector {
        private final Object support;
        private final ConnectorTransactionBoundaries boundaries;

        Answering(Object support, ConnectorTransactionBoundaries boundaries) {
            this.support = support;
            this.boundaries = boundaries;
        }

        @Override
        public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
            if (support instanceof RuntimeException e) {
                throw e;
            }
            return (ExactlyOnceSupport) support;
        }

        @Override
        public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
            return boundaries;
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

        @Override
        public String version() {
            return "1";
        }
    }
}
