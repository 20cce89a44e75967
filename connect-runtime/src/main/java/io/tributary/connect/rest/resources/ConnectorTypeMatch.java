package io.tributary.connect.rest.resources;

/**
 * Whether the connector class in a validation request agrees with the plugin named in its path: the
 * class must end with the path name, either taken without a trailing "Connector" (so "FileStreamSource"
 * matches "org.apache.kafka.connect.file.FileStreamSourceConnector"). Case matters, as in Kafka Connect.
 */
final class ConnectorTypeMatch {

    private static final String SUFFIX = "Connector";

    private ConnectorTypeMatch() {
    }

    static boolean matches(String includedClass, String requestedType) {
        return withoutSuffix(includedClass).endsWith(withoutSuffix(requestedType));
    }

    private static String withoutSuffix(String name) {
        return name.endsWith(SUFFIX) && name.length() > SUFFIX.length()
                ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }
}
