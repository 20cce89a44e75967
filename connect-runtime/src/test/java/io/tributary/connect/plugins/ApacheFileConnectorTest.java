package io.tributary.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.connect.connector.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apache's unmodified connect-file jar, alone in a plugin.path directory. */
class ApacheFileConnectorTest {

    private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";

    @TempDir
    Path pluginPath;
    private Path location;
    private Plugins plugins;

    @BeforeEach
    void loadApacheFileJar() throws IOException {
        location = Files.createDirectories(pluginPath.resolve("connect-file"));
        Files.copy(TestPlugins.apacheConnectFileJar(), location.resolve("connect-file-4.1.1.jar"));
        plugins = TestPlugins.load(pluginPath.toString(), PluginDiscoveryMode.HYBRID_WARN);
    }

    @AfterEach
    void close() {
        plugins.close();
    }

    @Test
    void discoversBothFileConnectorsWithTheirVersionsAndTypes() {
        assertThat(plugins.connectors())
                .extracting(PluginDescriptor::className, PluginDescriptor::typeName, PluginDescriptor::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SINK, "sink", "4.1.1"),
                        org.assertj.core.groups.Tuple.tuple(SOURCE, "source", "4.1.1"));
    }

    @Test
    void reportsTheLocationDirectoryAsUri() {
        assertThat(plugins.connectorDescriptor(SOURCE).location()).isEqualTo(location.toUri().toString());
    }

    @Test
    void shortAliasesResolveToTheConnectors() {
        assertThat(plugins.aliases())
                .containsEntry("FileStreamSource", SOURCE)
                .containsEntry("FileStreamSourceConnector", SOURCE)
                .containsEntry("FileStreamSink", SINK);
        assertThat(plugins.newConnector("FileStreamSource").getClass().getName()).isEqualTo(SOURCE);
    }

    @Test
    void connectorIsDefinedByItsIsolatingLoader() {
        Connector connector = plugins.newConnector("FileStreamSource");

        assertThat(connector.getClass().getClassLoader())
                .isInstanceOf(PluginClassLoader.class)
                .isSameAs(plugins.pluginLoader(SOURCE));
        assertThat(((PluginClassLoader) connector.getClass().getClassLoader()).location())
                .isEqualTo(location.toUri().toString());
    }

    @Test
    void connectorApiSuperclassIsTheWorkersOwn() {
        Connector connector = plugins.newConnector(SOURCE);

        assertThat(connector).isInstanceOf(Connector.class);
        assertThat(connector.getClass().getSuperclass().getSuperclass()).isSameAs(Connector.class);
        assertThat(connector.version()).isEqualTo("4.1.1");
    }
}
