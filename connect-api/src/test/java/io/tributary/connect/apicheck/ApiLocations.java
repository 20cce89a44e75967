package io.tributary.connect.apicheck;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/** Where the reference API jar and our compiled API classes are found. */
final class ApiLocations {

    /** The package tree whose API must match Apache's exactly. */
    static final String CONNECT_PACKAGE = "org.apache.kafka.connect.";

    /** Set by the Maven build to our jar or classes directory (target/classes of connect-api). */
    static final String OUR_CLASSES_PROPERTY = "api.classes";

    private static final String KNOWN_API_CLASS = "org.apache.kafka.connect.connector.Connector";

    private ApiLocations() {
    }

    /** Copied there by maven-dependency-plugin during generate-test-resources. */
    static Path referenceJar() {
        String referenceDir = System.getProperty("reference.dir", "target/reference");
        return Path.of(referenceDir, "connect-api.jar");
    }

    /**
     * Our classes: the location from the build when given, otherwise wherever a known API class
     * was loaded from, otherwise the main output next to our test classes. The result may not
     * exist or may hold nothing yet; the check then reports every reference class missing.
     */
    static Path ourClasses() {
        String configured = System.getProperty(OUR_CLASSES_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return codeSourceOf(KNOWN_API_CLASS)
                .orElseGet(() -> codeSourceOf(ApiLocations.class.getName())
                        .map(testClasses -> testClasses.resolveSibling("classes"))
                        .orElse(Path.of("target", "classes")));
    }

    private static Optional<Path> codeSourceOf(String className) {
        try {
            Class<?> type = Class.forName(className, false, ApiLocations.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (ClassNotFoundException | LinkageError | URISyntaxException e) {
            return Optional.empty();
        }
    }
}
