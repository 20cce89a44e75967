package io.tributary.connect.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The headers of every .class file under the roots (META-INF skipped), in root order and, within a root,
     * in the order its entries are stored. Roots are read in parallel: each one is independent work.
     */
    static List<ClassHeader> classHeaders(List<Path> roots) {
        List<List<ClassHeader>> perRoot = roots.parallelStream().map(SourceContents::classHeaders).toList();
        List<ClassHeader> all = new ArrayList<>();
        perRoot.forEach(all::addAll);
        return all;
    }

    /**
     * The contents of every copy of each named resource (e.g. service manifests) found in the roots, in root
     * order; a name found nowhere maps to an empty list. Each root is opened once for all names.
     */
    static Map<String, List<byte[]>> readAll(List<Path> roots, List<String> resourceNames) {
        Map<String, List<byte[]>> found = new LinkedHashMap<>();
        resourceNames.forEach(name -> found.put(name, new ArrayList<>()));
        for (Path root : roots) {
            try {
                if (Files.isDirectory(root)) {
                    for (String name : resourceNames) {
                        Path file = root.resolve(name);
                        if (Files.isRegularFile(file)) {
                            found.get(name).add(Files.readAllBytes(file));
                        }
                    }
                } else if (Files.isRegularFile(root)) {
                    try (ZipFile zip = new ZipFile(root.toFile())) {
                        for (String name : resourceNames) {
                            ZipEntry entry = zip.getEntry(name);
                            if (entry != null) {
                                try (InputStream in = zip.getInputStream(entry)) {
                                    found.get(name).add(in.readAllBytes());
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                log.error("Could not read {} from {}", resourceNames, root, e);
            }
        }
        return found;
    }

    private static List<ClassHeader> classHeaders(Path root) {
        List<ClassHeader> headers = new ArrayList<>();
        try {
            if (Files.isDirectory(root)) {
                readDirectory(root, headers);
            } else if (Files.isRegularFile(root)) {
                readArchive(root, headers);
            }
        } catch (IOException e) {
            log.error("Could not read classes from {}; plugins in it are ignored", root, e);
        }
        return headers;
    }

    private static void readDirectory(Path root, List<ClassHeader> into) throws IOException {
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            classFiles = files.filter(p -> p.getFileName().toString().endsWith(".class"))
                    .filter(Files::isRegularFile).toList();
        }
        for (Path file : classFiles) {
            String entryName = root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
            if (!entryName.startsWith("META-INF/")) {
                try (InputStream in = Files.newInputStream(file)) {
                    ClassHeader.read(in).ifPresent(into::add);
                }
            }
        }
    }

    private static void readArchive(Path archive, List<ClassHeader> into) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    ClassHeader.read(in).ifPresent(into::add);
                }
            }
        }
    }
}
