package io.tributary.connect.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version every transformation and predicate of this module reports: Tributary's build
 * version, written into a resource when the module is built.
 */
public final class TransformsVersion {

    private static final String RESOURCE = "tributary-transforms-version.properties";
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
            // An unfiltered resource (e.g. run from an IDE without Maven) still holds the placeholder.
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
