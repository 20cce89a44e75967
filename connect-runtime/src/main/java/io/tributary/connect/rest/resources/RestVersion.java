package io.tributary.connect.rest.resources;

import org.apache.kafka.common.utils.AppInfoParser;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What GET / reports. {@code version} is the Kafka Connect release whose API and behaviour we
 * implement (4.1.1), because clients read it to decide which endpoints exist; Tributary's own build
 * version and commit come from a resource Maven writes when it builds the module.
 */
public final class RestVersion {

    private static final String RESOURCE = "tributary-version.properties";
    private static final String UNKNOWN = "unknown";
    private static final Properties PROPERTIES = load();

    private RestVersion() {
    }

    public static String version() {
        return AppInfoParser.getVersion();
    }

    public static String tributaryVersion() {
        return value("version");
    }

    public static String commit() {
        return value("commit");
    }

    private static String value(String key) {
        String value = PROPERTIES.getProperty(key, "").trim();
        // An unfiltered resource (run from an IDE without Maven) still holds the placeholder.
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = RestVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // Both values then read as "unknown", which GET / reports rather than failing.
        }
        return props;
    }
}
