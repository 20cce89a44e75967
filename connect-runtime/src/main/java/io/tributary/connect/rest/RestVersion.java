package io.tributary.connect.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Tributary's version and build commit for GET /, written into a resource when Maven builds the module. */
public final class RestVersion {

    private static final String RESOURCE = "tributary-version.properties";
    private static final String UNKNOWN = "unknown";
    private static final Properties PROPERTIES = load();

    private RestVersion() {
    }

    public static String version() {
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
