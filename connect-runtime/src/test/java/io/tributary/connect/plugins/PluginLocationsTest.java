package io.tributary.connect.plugins;

import static io.tributary.connect.plugins.PluginBuilder.plugin;
import static io.tributary.connect.plugins.PluginBuilder.transformation;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLocationsTest {

    @TempDir
    Path dir;

    @Test
    void eachTopLevelDirectoryOrArchiveIsOneLocation() throws IOException {
        Path jars = Files.createDirectories(dir.resolve("path/with-jars/lib"));
        Files.write(jars.resolve("a.jar"), new byte[0]);
        Files.write(Files.createDirectories(jars.resolve("nested")).resolve("b.jar"), new byte[0]);
        Files.write(dir.resolve("path/uber.jar"), new byte[0]);
        Files.writeString(dir.resolve("path/README.txt"), "not a plugin");

        Map<Path, List<Path>> locations = PluginLocations.resolve(dir.resolve("path").toString());

        assertThat(locations).containsOnlyKeys(dir.resolve("path/uber.jar"), dir.resolve("path/with-jars"));
        assertThat(locations.get(dir.resolve("path/with-jars")))
                .containsExactly(jars.resolve("a.jar"), jars.resolve("nested/b.jar"));
    }

    @Test
    void directoryOfClassesIsItsOwnClassRoot() throws IOException {
        plugin().source("com.c.Up", transformation("com.c", "Up")).classesDir(dir.resolve("path/classes"));

        assertThat(PluginLocations.resolve(dir.resolve("path").toString()))
                .containsEntry(dir.resolve("path/classes"), List.of(dir.resolve("path/classes")));
    }

    @Test
    void entryNamingAnArchiveIsALocationByItself() throws IOException {
        Path jar = Files.write(dir.resolve("single.jar"), new byte[0]);

        assertThat(PluginLocations.resolve(" " + jar + " ,")).containsOnlyKeys(jar);
    }

    @Test
    void relativeEntryMissingFromTheCurrentDirectoryIsTakenFromTheInstallation() throws IOException {
        String relative = "plugins-" + dir.getFileName();
        Path jar = Files.write(Files.createDirectories(dir.resolve(relative)).resolve("p.jar"), new byte[0]);

        assertThat(PluginLocations.resolve(relative, dir)).containsOnlyKeys(jar);
        assertThat(PluginLocations.resolve(relative, null)).isEmpty();
        assertThat(PluginLocations.resolve(relative, dir.resolve("elsewhere"))).isEmpty();
    }

    @Test
    void missingEntriesAndEmptyDirectoriesAreSkipped() throws IOException {
        Files.createDirectories(dir.resolve("path/empty"));

        assertThat(PluginLocations.resolve(dir.resolve("nope") + "," + dir.resolve("path"))).isEmpty();
    }

    @Test
    void pluginsLoadFromAClassDirectoryLocation() throws IOException {
        plugin().source("com.c.Up", transformation("com.c", "Up")).classesDir(dir.resolve("path/classes"));

        try (Plugins plugins = TestPlugins.load(dir.resolve("path") + "," + dir.resolve("missing"), PluginDiscoveryMode.ONLY_SCAN)) {
            assertThat(plugins.newTransformation("Up").getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
        }
    }
}
