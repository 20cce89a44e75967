package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.Locale;

/** Whether a connector moves data into Kafka or out of it; lower case on the wire. */
public enum ConnectorType {
    SOURCE,
    SINK,
    UNKNOWN;

    public static ConnectorType of(Class<?> connectorClass) {
        if (connectorClass != null && SourceConnector.class.isAssignableFrom(connectorClass)) {
            return SOURCE;
        }
        if (connectorClass != null && SinkConnector.class.isAssignableFrom(connectorClass)) {
            return SINK;
        }
        return UNKNOWN;
    }

    @JsonCreator
    public static ConnectorType forValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
