package io.tributary.connect.apicheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A directory holding a transforms code base together with the connect-api interfaces that live
 * in the same package tree (Transformation, Predicate). The API reader loads the whole tree in
 * isolation, so without them no transformation class could even be loaded.
 */
final class TransformsClassTree {

    private static final List<String> BORROWED = List.of(
            "org.apache.kafka.connect.transforms.Transformation",
            "org.apache.kafka.connect.transforms.predicates.Predicate");

    private TransformsClassTree() {
    }

    static Set<String> borrowedClassNames() {
        return Set.copyOf(BORROWED);
    }

    /** Copies the classes of a jar or directory into target, adding our connect-api's interfaces. */
    static Path of(Path location, Path target) throws IOException {
        Files.createDirectories(target);
        if (Files.isDirectory(location)) {
            copyDirectory(location, target);
        } else if (Files.isRegularFile(location)) {
            extractJar(location, target);
        }
        for (String name : BORROWED) {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = TransformsClassTree.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("connect-api class not on the test class path: " + name);
                }
                Path file = target.resolve(resource);
                Files.createDirectories(file.getParent());
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private static void copyDirectory(Path source, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        for (Path file : files) {
            Path copy = target.resolve(source.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void extractJar(Path jar, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path file = target.resolve(entry.getName()).normalize();
                if (entry.isDirectory() || !file.startsWith(target)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot extract " + entry.getName() + " from " + jar, e);
                }
            }
        }
    }
}
