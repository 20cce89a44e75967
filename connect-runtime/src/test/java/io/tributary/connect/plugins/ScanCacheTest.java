package io.tributary.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCacheTest {

    @TempDir
    Path dir;

    private final AtomicInteger scans = new AtomicInteger();
    private final Map<String, Set<PluginType>> found = new LinkedHashMap<>();
    private final Supplier<Map<String, Set<PluginType>>> scan = () -> {
        scans.incrementAndGet();
        return found;
    };
    private Path jar;
    private ScanCache cache;

    @BeforeEach
    void setUp() throws IOException {
        jar = Files.write(dir.resolve("plugin.jar"), new byte[] {1, 2, 3});
        found.put("com.example.Sink", EnumSet.of(PluginType.SINK));
        found.put("com.example.Both", EnumSet.of(PluginType.CONVERTER, PluginType.HEADER_CONVERTER));
        cache = new ScanCache(dir.resolve("cache"), List.of());
    }

    @Test
    void theSameJarsAreScannedOnceAndTheResultReusedInOrder() {
        PluginSource source = new PluginSource("classpath", List.of(jar), getClass().getClassLoader());

        cache.candidates(source, scan);
        Map<String, Set<PluginType>> reused = cache.candidates(source, scan);

        assertThat(scans).hasValue(1);
        assertThat(reused).containsExactlyEntriesOf(found);
    }

    @Test
    void aJarThatChangedIsScannedAgain() throws IOException {
        PluginSource source = new PluginSource("classpath", List.of(jar), getClass().getClassLoader());
        cache.candidates(source, scan);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2_000));
        cache.candidates(source, scan);

        assertThat(scans).hasValue(2);
    }

    @Test
    void aChangedWorkerClasspathMeansAnotherScan() throws IOException {
        PluginSource source = new PluginSource("classpath", List.of(jar), getClass().getClassLoader());
        cache.candidates(source, scan);
        Path library = Files.write(dir.resolve("library.jar"), new byte[] {4});

        new ScanCache(dir.resolve("cache"), List.of(library)).candidates(source, scan);

        assertThat(scans).hasValue(2);
    }

    @Test
    void classDirectoriesAreAlwaysScanned() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        PluginSource source = new PluginSource("classpath", List.of(classes), getClass().getClassLoader());

        cache.candidates(source, scan);
        cache.candidates(source, scan);

        assertThat(scans).hasValue(2);
    }

    @Test
    void aDamagedCacheFileIsIgnored() throws IOException {
        PluginSource source = new PluginSource("classpath", List.of(jar), getClass().getClassLoader());
        cache.candidates(source, scan);
        try (var files = Files.list(dir.resolve("cache"))) {
            for (Path file : files.toList()) {
                Files.writeString(file, "tributary-plugin-scan-1\ncom.example.Sink\tSI");
            }
        }

        assertThat(cache.candidates(source, scan)).containsExactlyEntriesOf(found);
        assertThat(scans).hasValue(2);
    }
}
