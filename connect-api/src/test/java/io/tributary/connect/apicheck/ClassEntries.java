package io.tributary.connect.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Lists the binary names of the classes in a jar or classes directory under a package prefix.
 * A location that does not exist holds no classes: the check then reports everything missing.
 */
final class ClassEntries {

    private ClassEntries() {
    }

    static List<String> list(Path location, String packagePrefix) {
        if (Files.isDirectory(location)) {
            return fromDirectory(location, packagePrefix);
        }
        if (Files.isRegularFile(location)) {
            return fromJar(location, packagePrefix);
        }
        return List.of();
    }

    private static List<String> fromDirectory(Path directory, String packagePrefix) {
        try (Stream<Path> files = Files.walk(directory)) {
            return select(files.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace(file.getFileSystem()
                            .getSeparator(), "/")), packagePrefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list classes in " + directory, e);
        }
    }

    private static List<String> fromJar(Path jar, String packagePrefix) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return select(file.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName),
                    packagePrefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list classes in " + jar, e);
        }
    }

    private static List<String> select(Stream<String> paths, String packagePrefix) {
        return paths.filter(path -> path.endsWith(".class"))
                .filter(path -> !path.startsWith("META-INF/"))
                .map(path -> path.substring(0, path.length() - ".class".length()).replace('/', '.'))
                .filter(name -> name.startsWith(packagePrefix))
                .filter(name -> !name.endsWith("module-info") && !name.endsWith("package-info"))
                .sorted()
                .toList();
    }
}
