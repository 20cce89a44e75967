package io.tributary.connect.apicheck;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packs a classes directory into a jar, to test reading the same API from either form. */
final class JarFixtures {

    private JarFixtures() {
    }

    static Path jarOf(Path classesDirectory, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classesDirectory)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (Path file : files) {
                jarOut.putNextEntry(new JarEntry(classesDirectory.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
