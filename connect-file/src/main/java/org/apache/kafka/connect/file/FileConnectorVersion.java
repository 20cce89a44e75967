package org.apache.kafka.connect.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version these connectors report: Tributary's build version, written into a resource at build time. */
final class FileConnectorVersion {

    private static final String RESOURCE = "tributary-file-version.properties";
    private static final String VERSION = load();

    private FileConnectorVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = FileConnectorVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            String version = props.getProperty("version", "").trim();
            // An unfiltered resource (e.g. run from an IDE without Maven) still holds the placeholder.
            return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
