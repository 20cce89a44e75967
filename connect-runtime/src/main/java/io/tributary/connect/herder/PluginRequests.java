package io.tributary.connect.herder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.tributary.connect.config.AutoRestartConfig;
import io.tributary.connect.model.ConfigInfos;
import io.tributary.connect.model.ConfigKeyInfo;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.worker.PluginCallExecutor;
import io.tributary.connect.worker.Worker;
import org.apache.kafka.common.config.ConfigException;

/**
 * The requests a herder answers by calling plugin code without needing its own state: validating a connector
 * configuration and describing a plugin's settings. They run on the worker's {@link PluginCallExecutor}, never
 * on the herder thread (a slow {@code validate()} would hold up every other request) nor on the common pool,
 * and within {@link Herder#REQUEST_TIMEOUT}: once the client stopped waiting, the call is cancelled.
 */
final class PluginRequests {

    private final PluginCallExecutor calls;
    private final ClassLoader plugins;
    private final ConnectorConfigValidator validator;
    private final ConnectorPluginConfig pluginConfig;
    private final ConnectorConfigReport configReport;
    private final AutoRestartConfig.Settings autoRestart;

    PluginRequests(Worker worker) {
        this(worker, false);
    }

    /**
     * @param distributed whether source connectors' exactly-once settings are checked against the connector and the
     *                    worker's exactly.once.source.support, as a distributed worker does
     */
    PluginRequests(Worker worker, boolean distributed) {
        this.calls = worker.pluginCalls();
        this.autoRestart = worker.config().autoRestart();
        // Each check swaps to the loader of the plugin it calls; in between, every plugin is in view.
        this.plugins = worker.plugins().delegatingLoader();
        ExactlyOnceSourceValidation exactlyOnce = distributed
                ? new ExactlyOnceSourceValidation(worker.config().exactlyOnceSourceEnabled()) : null;
        this.validator = ConnectorConfigValidator.forWorker(worker, exactlyOnce);
        PluginSettings pluginSettings = new PluginSettings(worker.plugins());
        this.pluginConfig = new ConnectorPluginConfig(pluginSettings);
        this.configReport = new ConnectorConfigReport(pluginSettings,
                new EnrichedConnectorDefinition(pluginSettings, worker.config()),
                new ClientOverrideReport(worker.overridePolicy(), worker.config().topicCreationEnable()), exactlyOnce);
    }

    /**
     * The connector's type when the configuration may be stored; fails as {@link ConnectorConfigValidator} does,
     * and on a bad value of Tributary's own {@code tributary.auto.restart.*} keys (Apache has none to check).
     */
    CompletableFuture<ConnectorType> validateForWrite(String connector, Map<String, String> config) {
        return calls.call("Validation of the configuration of connector " + connector, plugins,
                Herder.REQUEST_TIMEOUT, () -> {
                    try {
                        AutoRestartConfig.connector(autoRestart, config);
                    } catch (ConfigException e) {
                        throw new BadRequestException("Connector configuration is invalid: " + e.getMessage());
                    }
                    return validator.validate(config);
                });
    }

    /** Every setting of the configuration with its definition, value and errors (REST's validate endpoint). */
    CompletableFuture<ConfigInfos> validationReport(Map<String, String> config) {
        return calls.call("Validation of a configuration for connector class " + config.get("connector.class"),
                plugins, Herder.REQUEST_TIMEOUT, () -> configReport.validate(config));
    }

    CompletableFuture<List<ConfigKeyInfo>> describe(String plugin, String version) {
        return calls.call("Description of the settings of plugin " + plugin, plugins, Herder.REQUEST_TIMEOUT,
                () -> pluginConfig.describe(plugin, version));
    }
}
