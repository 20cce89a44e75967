package io.tributary.connect.plugins;

import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * The kinds of plugin a worker loads, each with the API type a plugin class implements.
 * {@link #typeName()} is the lower-case name the REST API reports ("source", "sink", ...).
 */
public enum PluginType {
    SOURCE(SourceConnector.class, "Connector", true),
    SINK(SinkConnector.class, "Connector", true),
    CONVERTER(Converter.class, "Converter", true),
    HEADER_CONVERTER(HeaderConverter.class, "HeaderConverter", true),
    TRANSFORMATION(Transformation.class, "Transformation", true),
    PREDICATE(Predicate.class, "Predicate", true),
    CONFIGPROVIDER(ConfigProvider.class, "ConfigProvider", false),
    REST_EXTENSION(ConnectRestExtension.class, "ConnectRestExtension", false),
    CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY(ConnectorClientConfigOverridePolicy.class,
            "ConnectorClientConfigOverridePolicy", false);

    private final Class<?> apiType;
    private final String aliasSuffix;
    private final boolean scannable;

    PluginType(Class<?> apiType, String aliasSuffix, boolean scannable) {
        this.apiType = apiType;
        this.aliasSuffix = aliasSuffix;
        this.scannable = scannable;
    }

    /** The interface or base class a plugin of this kind implements; also its ServiceLoader service name. */
    public Class<?> apiType() {
        return apiType;
    }

    /** The suffix dropped from a class's simple name to form its short alias (FileStreamSourceConnector -> FileStreamSource). */
    public String aliasSuffix() {
        return aliasSuffix;
    }

    /**
     * Whether class scanning can find this kind. Config providers, REST extensions and override
     * policies have always been found through ServiceLoader manifests only, in every discovery mode.
     */
    public boolean scannable() {
        return scannable;
    }

    /** The lower-case name used in REST responses and logs. */
    public String typeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isConnector() {
        return this == SOURCE || this == SINK;
    }

    @Override
    public String toString() {
        return typeName();
    }
}
