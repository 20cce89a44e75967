package io.tributary.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceContentsTest {

    private static final List<Class<?>> CLASSES = List.of(String.class, Integer.class, Long.class, Thread.class,
            Runnable.class, Map.class, List.class, ArrayList.class);

    @TempDir
    Path dir;

    @Test
    void headersComeInRootOrderThoughRootsAreReadInParallel() throws IOException {
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < CLASSES.size(); i++) {
            roots.add(jarWith(dir.resolve("root-" + i + ".jar"), CLASSES.get(i)));
        }

        assertThat(SourceContents.classHeaders(roots)).extracting(ClassHeader::name)
                .containsExactlyElementsOf(CLASSES.stream().map(Class::getName).toList());
    }

    @Test
    void everyCopyOfEachResourceIsReadInRootOrder() throws IOException {
        Path first = dir.resolve("first.jar");
        Path second = dir.resolve("second.jar");
        writeJar(first, Map.of("META-INF/services/a", "one".getBytes(StandardCharsets.UTF_8)));
        writeJar(second, Map.of("META-INF/services/a", "two".getBytes(StandardCharsets.UTF_8),
                "META-INF/services/b", "three".getBytes(StandardCharsets.UTF_8)));

        Map<String, List<byte[]>> found = SourceContents.readAll(List.of(first, second),
                List.of("META-INF/services/a", "META-INF/services/b", "META-INF/services/c"));

        assertThat(found.get("META-INF/services/a")).extracting(String::new).containsExactly("one", "two");
        assertThat(found.get("META-INF/services/b")).extracting(String::new).containsExactly("three");
        assertThat(found.get("META-INF/services/c")).isEmpty();
    }

    private static Path jarWith(Path jar, Class<?> type) throws IOException {
        String entry = type.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (var in = ClassLoader.getSystemResourceAsStream(entry)) {
            bytes = in.readAllBytes();
        }
        writeJar(jar, Map.of(entry, bytes));
        return jar;
    }

    private static void writeJar(Path jar, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }
}
