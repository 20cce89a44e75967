package io.tributary.connect.worker;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.tributary.connect.plugins.Plugins;
import org.apache.kafka.common.utils.Time;

/**
 * Plugins over the parts of the test class path that hold Connect plugins (our API, JSON, file
 * connectors, transforms, the runtime's built-in converters and override policies, and these tests), so
 * that building them stays quick.
 */
public final class WorkerTestPlugins {

    private static final List<String> PLUGIN_ENTRIES =
            List.of("connect-api", "connect-json", "connect-file", "connect-transforms", "test-classes",
                    "connect-runtime/target/classes");
    private static Plugins shared;

    private WorkerTestPlugins() {
    }

    public static synchronized Plugins shared() {
        if (shared == null) {
            shared = new Plugins(Map.of(), WorkerTestPlugins.class.getClassLoader(), pluginClasspath(), Time.SYSTEM);
        }
        return shared;
    }

    private static List<Path> pluginClasspath() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> PLUGIN_ENTRIES.stream().anyMatch(entry::contains))
                .map(entry -> Paths.get(entry).toAbsolutePath())
                .toList();
    }
}
