package io.tributary.connect.plugins;

import static io.tributary.connect.plugins.PluginBuilder.configProvider;
import static io.tributary.connect.plugins.PluginBuilder.plugin;
import static io.tributary.connect.plugins.PluginBuilder.sinkConnector;
import static io.tributary.connect.plugins.PluginBuilder.sourceConnector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** One location lists its sink in a manifest; another ships a source connector and a config provider without any. */
class PluginDiscoveryModeTest {

    private static final String LISTED_SINK = "com.example.listed.ListedSinkConnector";
    private static final String UNLISTED_SOURCE = "com.example.unlisted.UnlistedSourceConnector";
    private static final String UNLISTED_PROVIDER = "com.example.unlisted.UnlistedConfigProvider";

    @TempDir
    Path pluginPath;

    @BeforeEach
    void buildPlugins() throws IOException {
        plugin().source(LISTED_SINK, sinkConnector("com.example.listed", "ListedSinkConnector", "1.0"))
                .service(SinkConnector.class, LISTED_SINK)
                .jar(pluginPath.resolve("listed.jar"));
        plugin().source(UNLISTED_SOURCE, sourceConnector("com.example.unlisted", "UnlistedSourceConnector", "1.0"))
                .source(UNLISTED_PROVIDER, configProvider("com.example.unlisted", "UnlistedConfigProvider"))
                .classesDir(pluginPath.resolve("unlisted"));
    }

    @Test
    void onlyScanFindsPluginsWithoutManifests() {
        try (Plugins plugins = load(PluginDiscoveryMode.ONLY_SCAN)) {
            assertThat(classNames(plugins)).containsExactly(LISTED_SINK, UNLISTED_SOURCE);
        }
    }

    @Test
    void serviceLoadSeesOnlyManifestListedPlugins() {
        try (Plugins plugins = load(PluginDiscoveryMode.SERVICE_LOAD)) {
            assertThat(classNames(plugins)).containsExactly(LISTED_SINK);
        }
    }

    @Test
    void hybridWarnUsesScannedPluginsAndNamesThemInAWarning() {
        Logger logger = (Logger) LoggerFactory.getLogger(PluginDiscovery.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (Plugins plugins = load(PluginDiscoveryMode.HYBRID_WARN)) {
            assertThat(classNames(plugins)).containsExactly(LISTED_SINK, UNLISTED_SOURCE);
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains(UNLISTED_SOURCE).doesNotContain(LISTED_SINK));
    }

    @Test
    void hybridFailRefusesToStartAndListsThePluginsWithoutManifests() {
        assertThatThrownBy(() -> load(PluginDiscoveryMode.HYBRID_FAIL))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining(UNLISTED_SOURCE)
                .hasMessageContaining("source")
                .hasMessageNotContaining(LISTED_SINK);
    }

    @Test
    void configProvidersAreNeverFoundByScanning() {
        try (Plugins plugins = load(PluginDiscoveryMode.ONLY_SCAN)) {
            assertThat(plugins.descriptors(PluginType.CONFIGPROVIDER)).isEmpty();
        }
    }

    @Test
    void configProvidersListedInAManifestAreFoundEvenWhenOnlyScanning() throws IOException {
        plugin().source("com.example.cp.VaultConfigProvider", configProvider("com.example.cp", "VaultConfigProvider"))
                .service(ConfigProvider.class, "com.example.cp.VaultConfigProvider")
                .jar(pluginPath.resolve("cp.jar"));
        try (Plugins plugins = load(PluginDiscoveryMode.ONLY_SCAN)) {
            assertThat(plugins.newConfigProvider("Vault").getClass().getName()).isEqualTo("com.example.cp.VaultConfigProvider");
        }
    }

    @Test
    void discoveryModeDefaultsToHybridWarn() {
        try (Plugins plugins = new Plugins(java.util.Map.of(Plugins.PLUGIN_PATH_CONFIG, pluginPath.resolve("listed.jar").toString()),
                getClass().getClassLoader(), java.util.List.of(), Time.SYSTEM)) {
            assertThat(plugins.discoveryMode()).isEqualTo(PluginDiscoveryMode.HYBRID_WARN);
        }
    }

    @Test
    void unknownDiscoveryModeIsAConfigError() {
        assertThatThrownBy(() -> PluginDiscoveryMode.parse("sometimes"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("hybrid_warn");
    }

    private Plugins load(PluginDiscoveryMode mode) {
        return TestPlugins.load(pluginPath.toString(), mode);
    }

    private static java.util.List<String> classNames(Plugins plugins) {
        return plugins.connectors().stream().map(PluginDescriptor::className).sorted().toList();
    }
}
