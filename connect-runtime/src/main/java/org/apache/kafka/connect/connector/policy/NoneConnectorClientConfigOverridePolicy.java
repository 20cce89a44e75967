package org.apache.kafka.connect.connector.policy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refuses every client override. */
public class NoneConnectorClientConfigOverridePolicy extends AbstractConnectorClientConfigOverridePolicy {

    private static final Logger log = LoggerFactory.getLogger(NoneConnectorClientConfigOverridePolicy.class);

    @Override
    protected String policyName() {
        return "None";
    }

    @Override
    protected boolean isAllowed(ConfigValue configValue) {
        return false;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        log.info("Connector client config override policy 'None': connectors may not override client properties");
    }
}
