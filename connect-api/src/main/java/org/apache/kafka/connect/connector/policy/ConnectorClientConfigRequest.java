package org.apache.kafka.connect.connector.policy;

import java.util.Map;

import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.health.ConnectorType;

/** The client overrides a connector asks for, handed to the override policy for a verdict. */
public class ConnectorClientConfigRequest {

    private final String connectorName;
    private final ConnectorType connectorType;
    private final Class<? extends Connector> connectorClass;
    private final Map<String, Object> clientProps;
    private final ClientType clientType;

    public ConnectorClientConfigRequest(String connectorName,
                                        ConnectorType connectorType,
                                        Class<? extends Connector> connectorClass,
                                        Map<String, Object> clientProps,
                                        ClientType clientType) {
        this.connectorName = connectorName;
        this.connectorType = connectorType;
        this.connectorClass = connectorClass;
        this.clientProps = clientProps;
        this.clientType = clientType;
    }

    /** Only the overridden properties, with their client prefix already stripped. */
    public Map<String, Object> clientProps() {
        return clientProps;
    }

    public ClientType clientType() {
        return clientType;
    }

    public String connectorName() {
        return connectorName;
    }

    public ConnectorType connectorType() {
        return connectorType;
    }

    public Class<? extends Connector> connectorClass() {
        return connectorClass;
    }

    /** Which Kafka client the overrides are meant for. */
    public enum ClientType {
        PRODUCER, CONSUMER, ADMIN
    }
}
