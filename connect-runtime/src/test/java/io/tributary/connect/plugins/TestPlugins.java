package io.tributary.connect.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Time;

/** Builds Plugins over test plugin directories without scanning the test class path. */
final class TestPlugins {

    private TestPlugins() {
    }

    static Plugins load(String pluginPath, PluginDiscoveryMode mode) {
        Map<String, String> props = new HashMap<>();
        props.put(Plugins.PLUGIN_PATH_CONFIG, pluginPath);
        props.put(Plugins.PLUGIN_DISCOVERY_CONFIG, mode.toString());
        return new Plugins(props, TestPlugins.class.getClassLoader(), List.of(), Time.SYSTEM);
    }

    static Plugins load(Path pluginPath) {
        return load(pluginPath.toString(), PluginDiscoveryMode.ONLY_SCAN);
    }

    /** Apache's own connect-file 4.1.1 jar, copied to target/reference by the build. */
    static Path apacheConnectFileJar() {
        Path jar = Paths.get(System.getProperty("reference.dir", "target/reference"), "connect-file.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + "; run the tests through Maven");
        }
        return jar;
    }
}
