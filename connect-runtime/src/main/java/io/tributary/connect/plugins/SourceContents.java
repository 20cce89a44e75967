package io.tributary.connect.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads files out of the jars and class directories of a plugin source without a class loader. */
final class SourceContents {

    private static final Logger log = LoggerFactory.getLogger(SourceContents.class);

    private SourceContents() {
    }

    /** Hands every .class file (entry name and bytes) under the roots to the consumer; META-INF is skipped. */
    static void forEachClassFile(List<Path> roots, BiConsumer<String, byte[]> consumer) {
        for (Path root : roots) {
            try {
                if (Files.isDirectory(root)) {
                    forEachClassInDirectory(root, consumer);
                } else if (Files.isRegularFile(root)) {
                    forEachClassInArchive(root, consumer);
                }
            } catch (IOException e) {
                log.error("Could not read classes from {}; plugins in it are ignored", root, e);
            }
        }
    }

    /** The contents of every copy of a resource (e.g. a service manifest) found in the roots. */
    static List<byte[]> readAll(List<Path> roots, String resourceName) {
        List<byte[]> found = new ArrayList<>();
        for (Path root : roots) {
            try {
                if (Files.isDirectory(root)) {
                    Path file = root.resolve(resourceName);
                    if (Files.isRegularFile(file)) {
                        found.add(Files.readAllBytes(file));
                    }
                } else if (Files.isRegularFile(root)) {
                    try (ZipFile zip = new ZipFile(root.toFile())) {
                        ZipEntry entry = zip.getEntry(resourceName);
                        if (entry != null) {
                            try (InputStream in = zip.getInputStream(entry)) {
                                found.add(in.readAllBytes());
                            }
                        }
                    }
                }
            } catch (IOException e) {
                log.error("Could not read {} from {}", resourceName, root, e);
            }
        }
        return found;
    }

    private static void forEachClassInDirectory(Path root, BiConsumer<String, byte[]> consumer) throws IOException {
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            classFiles = files.filter(p -> p.getFileName().toString().endsWith(".class"))
                    .filter(Files::isRegularFile).toList();
        }
        for (Path file : classFiles) {
            String entryName = root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
            if (!entryName.startsWith("META-INF/")) {
                consumer.accept(entryName, Files.readAllBytes(file));
            }
        }
    }

    private static void forEachClassInArchive(Path archive, BiConsumer<String, byte[]> consumer) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    consumer.accept(name, in.readAllBytes());
                }
            }
        }
    }
}
