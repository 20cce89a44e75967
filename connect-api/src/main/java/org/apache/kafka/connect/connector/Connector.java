package org.apache.kafka.connect.connector;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;

/** Base of every connector: configures itself and splits its work into task configs. */
public abstract class Connector implements Versioned {

    protected ConnectorContext context;

    public void initialize(ConnectorContext ctx) {
        context = ctx;
    }

    /** Task configs from a previous run are offered for information only; the default ignores them. */
    public void initialize(ConnectorContext ctx, List<Map<String, String>> taskConfigs) {
        context = ctx;
    }

    protected ConnectorContext context() {
        return context;
    }

    public abstract void start(Map<String, String> props);

    /** By default a reconfiguration is a full restart with the new properties. */
    public void reconfigure(Map<String, String> props) {
        stop();
        start(props);
    }

    public abstract Class<? extends Task> taskClass();

    public abstract List<Map<String, String>> taskConfigs(int maxTasks);

    public abstract void stop();

    /** Validates against {@link #config()}; connectors override this to add cross-field checks. */
    public Config validate(Map<String, String> connectorConfigs) {
        return new Config(config().validate(connectorConfigs));
    }

    public abstract ConfigDef config();
}
