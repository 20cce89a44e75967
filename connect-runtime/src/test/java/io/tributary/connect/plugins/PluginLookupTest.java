package io.tributary.connect.plugins;

import static io.tributary.connect.plugins.PluginBuilder.converter;
import static io.tributary.connect.plugins.PluginBuilder.plugin;
import static io.tributary.connect.plugins.PluginBuilder.sourceConnector;
import static io.tributary.connect.plugins.PluginBuilder.transformation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLookupTest {

    @TempDir
    static Path pluginPath;
    private static Plugins plugins;

    @BeforeAll
    static void buildPlugins() throws IOException {
        plugin().source("com.example.MySourceConnector", sourceConnector("com.example", "MySourceConnector", "3.2.1"))
                .source("com.example.MyConverter", converter("com.example", "MyConverter"))
                .source("com.example.Upper", transformation("com.example", "Upper"))
                .implementationVersion("9.9.9")
                .jar(pluginPath.resolve("mine").resolve("lib").resolve("mine.jar"));
        plugins = TestPlugins.load(pluginPath);
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void unknownConnectorErrorListsTheAvailableConnectors() {
        assertThatThrownBy(() -> plugins.newConnector("NoSuchConnector"))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("NoSuchConnector")
                .hasMessageContaining("com.example.MySourceConnector (source, version 3.2.1");
    }

    @Test
    void unknownConverterErrorListsConvertersOnly() {
        assertThatThrownBy(() -> plugins.newConverter("Upper"))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("converter")
                .hasMessageContaining("com.example.MyConverter")
                .hasMessageNotContaining("com.example.Upper (");
    }

    @Test
    void versionIsUndefinedWithoutVersionedEvenIfTheJarDeclaresOne() {
        assertThat(plugins.pluginDescriptor("MyConverter", PluginType.CONVERTER).version()).isEqualTo("undefined");
        assertThat(plugins.pluginDescriptor("Upper", PluginType.TRANSFORMATION).version()).isEqualTo("undefined");
    }

    @Test
    void jarsNestedInsideALocationDirectoryBelongToThatLocation() {
        assertThat(plugins.connectorDescriptor("MySource").location()).isEqualTo(pluginPath.resolve("mine").toUri().toString());
    }

    @Test
    void workerClassNotReportedByDiscoveryCanStillBeCreatedByFullName() {
        assertThat(plugins.newConverter(StringConverter.class.getName())).isInstanceOf(StringConverter.class);
    }

    @Test
    void pluginLoaderOfAnUnknownNameIsTheDelegatingLoader() {
        assertThat(plugins.pluginLoader("NoSuchPlugin")).isSameAs(plugins.delegatingLoader());
    }

    @Test
    void withPluginLoaderSwapsTheContextLoaderUntilClosed() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (LoaderSwap ignored = plugins.withPluginLoader("MySource")) {
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(plugins.pluginLoader("com.example.MySourceConnector"));
        }
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void transformationComesFromItsLocationsLoader() {
        assertThat(plugins.newTransformation("Upper").getClass().getClassLoader())
                .isSameAs(plugins.pluginLoader("com.example.Upper"));
    }
}
