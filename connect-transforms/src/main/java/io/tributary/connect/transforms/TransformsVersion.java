package io.tributary.connect.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version every transformation and predicate of this module reports: Tributary's build version,
 * written by Maven resource filtering into {@code /io/tributary/connect/transforms/version.properties}.
 */
public final class TransformsVersion {

    private static final String RESOURCE = "/io/tributary/connect/transforms/version.properties";
    private static final String UNKNOWN = "unknown";
    private static final String VERSION = load();

    private TransformsVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = TransformsVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties props = new Properties();
            props.load(in);
            String version = props.getProperty("version", "").trim();
            // An unfiltered copy (e.g. an IDE build) still holds the Maven placeholder.
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
