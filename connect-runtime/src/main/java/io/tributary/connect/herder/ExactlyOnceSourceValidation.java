package io.tributary.connect.herder;

import java.util.Map;
import java.util.Objects;

import io.tributary.connect.config.ExactlyOnceSupportLevel;
import io.tributary.connect.config.SourceConnectorConfig;
import io.tributary.connect.plugins.LoaderSwap;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a distributed worker checks of a source connector's exactly-once settings, with Kafka Connect's messages:
 * {@code exactly.once.support=required} needs the worker's exactly-once support and the connector's own word
 * ({@link SourceConnector#exactlyOnceSupport}) that it can; {@code transaction.boundary=connector} needs the
 * connector to say it can define boundaries ({@link SourceConnector#canDefineTransactionBoundaries}). Errors are
 * added to the two settings' validation results; settings that are already invalid are left alone.
 */
final class ExactlyOnceSourceValidation {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceSourceValidation.class);

    private final boolean workerEnabled;

    /** @param workerEnabled whether this worker has exactly.once.source.support=enabled */
    ExactlyOnceSourceValidation(boolean workerEnabled) {
        this.workerEnabled = workerEnabled;
    }

    /** @param loader the connector's plugin loader, current while its methods run */
    void check(Map<String, ConfigValue> values, Map<String, String> config, SourceConnector connector,
               ClassLoader loader) {
        try (LoaderSwap ignored = LoaderSwap.swapTo(loader)) {
            checkSupport(values.get(SourceConnectorConfig.EXACTLY_ONCE_SUPPORT_CONFIG), config, connector);
            checkBoundary(values.get(SourceConnectorConfig.TRANSACTION_BOUNDARY_CONFIG), config, connector);
        }
    }

    private void checkSupport(ConfigValue value, Map<String, String> config, SourceConnector connector) {
        if (value == null || !value.errorMessages().isEmpty()
                || ExactlyOnceSupportLevel.fromProperty(Objects.toString(value.value())) != ExactlyOnceSupportLevel.REQUIRED) {
            return;
        }
        if (!workerEnabled) {
            value.addErrorMessage("This worker does not have exactly-once source support enabled.");
        }
        try {
            ExactlyOnceSupport support = connector.exactlyOnceSupport(config);
            if (support == null) {
                value.addErrorMessage("The connector does not implement the API required for preflight validation of "
                        + "exactly-once source support. Please consult the documentation for the connector to determine "
                        + "whether it supports exactly-once semantics, and then consider reconfiguring the connector to "
                        + "use the value \"" + ExactlyOnceSupportLevel.REQUESTED + "\" for this property (which will "
                        + "disable this preflight check and allow the connector to be created).");
            } else if (support == ExactlyOnceSupport.UNSUPPORTED) {
                value.addErrorMessage("The connector does not support exactly-once semantics with the provided "
                        + "configuration.");
            }
        } catch (Exception e) {
            log.error("Failed while validating connector support for exactly-once semantics", e);
            value.addErrorMessage(unexpected(e));
        }
    }

    private static void checkBoundary(ConfigValue value, Map<String, String> config, SourceConnector connector) {
        if (value == null || !value.errorMessages().isEmpty()
                || TransactionBoundary.fromProperty(Objects.toString(value.value())) != TransactionBoundary.CONNECTOR) {
            return;
        }
        try {
            ConnectorTransactionBoundaries boundaries = connector.canDefineTransactionBoundaries(config);
            if (boundaries == null) {
                value.addErrorMessage("This connector has returned a null value from its canDefineTransactionBoundaries "
                        + "method, which is not permitted. The connector will be treated as if it cannot define its own "
                        + "transaction boundaries, and cannot be configured with '"
                        + SourceConnectorConfig.TRANSACTION_BOUNDARY_CONFIG + "' set to '" + TransactionBoundary.CONNECTOR
                        + "'.");
            } else if (boundaries != ConnectorTransactionBoundaries.SUPPORTED) {
                value.addErrorMessage("The connector does not support connector-defined transaction boundaries with the "
                        + "given configuration. Please reconfigure it to use a different transaction boundary "
                        + "definition.");
            }
        } catch (Exception e) {
            log.error("Failed while validating connector support for defining its own transaction boundaries", e);
            value.addErrorMessage(unexpected(e));
        }
    }

    private static String unexpected(Exception e) {
        String message = e.getMessage();
        return message != null && !message.trim().isEmpty()
                ? "An unexpected error occurred during validation: " + message.trim()
                : "An unexpected error occurred during validation; please see the worker logs for more details.";
    }
}
