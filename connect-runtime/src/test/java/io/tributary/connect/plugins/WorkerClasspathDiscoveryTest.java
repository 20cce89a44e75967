package io.tributary.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

/** The default constructor scans the JVM class path as the "classpath" location. */
class WorkerClasspathDiscoveryTest {

    @Test
    void configProvidersListedByKafkaClientsAreFoundOnTheClasspath() {
        try (Plugins plugins = new Plugins(Map.of(Plugins.PLUGIN_DISCOVERY_CONFIG, "service_load"), Time.SYSTEM)) {
            PluginDescriptor file = plugins.pluginDescriptor("File", PluginType.CONFIGPROVIDER);

            assertThat(file.className()).isEqualTo("org.apache.kafka.common.config.provider.FileConfigProvider");
            assertThat(file.location()).isEqualTo(PluginDescriptor.CLASSPATH_LOCATION);
            assertThat(file.loader()).isSameAs(Plugins.class.getClassLoader());
        }
    }

    @Test
    void scanningTheClasspathFindsConvertersWithoutReadingManifests() {
        try (Plugins plugins = new Plugins(Map.of(Plugins.PLUGIN_DISCOVERY_CONFIG, "only_scan"), Time.SYSTEM)) {
            assertThat(plugins.descriptors(PluginType.CONVERTER)).extracting(PluginDescriptor::className)
                    .contains("org.apache.kafka.connect.storage.StringConverter");
            assertThat(plugins.aliases()).containsEntry("String", "org.apache.kafka.connect.storage.StringConverter");
        }
    }
}
