package org.apache.kafka.connect.connector.policy;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.SaslConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lets connectors override only the properties that choose the client's identity: JAAS config, SASL mechanism, protocol. */
public class PrincipalConnectorClientConfigOverridePolicy extends AbstractConnectorClientConfigOverridePolicy {

    private static final Logger log = LoggerFactory.getLogger(PrincipalConnectorClientConfigOverridePolicy.class);

    private static final Set<String> ALLOWED = Set.of(
            SaslConfigs.SASL_JAAS_CONFIG,
            SaslConfigs.SASL_MECHANISM,
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);

    @Override
    protected String policyName() {
        return "Principal";
    }

    @Override
    protected boolean isAllowed(ConfigValue configValue) {
        return ALLOWED.contains(configValue.name());
    }

    @Override
    public void configure(Map<String, ?> configs) {
        log.info("Connector client config override policy 'Principal': connectors may override only {}", ALLOWED);
    }
}
