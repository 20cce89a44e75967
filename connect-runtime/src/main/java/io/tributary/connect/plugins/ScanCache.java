package io.tributary.connect.plugins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers what a class scan found, so that a worker started again on the same jars skips reading every
 * class header. A result is reused only for exactly the same inputs: the JVM, the source's jars and the
 * worker's class path (where supertypes outside the source come from), each jar by path, size and
 * modification time. Sources with class directories are always scanned, since a directory's own time does
 * not change when a class file in it does. Off unless the system property {@value #DIRECTORY_PROPERTY}
 * names a directory (the launcher sets it).
 */
final class ScanCache {

    static final String DIRECTORY_PROPERTY = "tributary.plugin.scan.cache";

    private static final Logger log = LoggerFactory.getLogger(ScanCache.class);
    private static final String FORMAT = "tributary-plugin-scan-1";

    private final Path directory;
    private final List<Path> workerClasspath;

    ScanCache(Path directory, List<Path> workerClasspath) {
        this.directory = directory;
        this.workerClasspath = List.copyOf(workerClasspath);
    }

    /** The cache the launcher asked for, or none. */
    static Optional<ScanCache> configured() {
        String directory = System.getProperty(DIRECTORY_PROPERTY, "");
        return directory.isBlank() ? Optional.empty()
                : Optional.of(new ScanCache(Path.of(directory), Plugins.jvmClasspath()));
    }

    /** The stored result for these exact inputs, or a fresh scan (stored for next time). */
    Map<String, Set<PluginType>> candidates(PluginSource source, Supplier<Map<String, Set<PluginType>>> scan) {
        Optional<String> key = key(source.roots());
        if (key.isEmpty()) {
            return scan.get();
        }
        Path file = directory.resolve(key.get() + ".txt");
        Optional<Map<String, Set<PluginType>>> stored = read(file);
        if (stored.isPresent()) {
            log.debug("Reusing the class scan of {} from {}", source.location(), file);
            return stored.get();
        }
        Map<String, Set<PluginType>> found = scan.get();
        write(file, found);
        return found;
    }

    private Optional<String> key(List<Path> roots) {
        StringBuilder inputs = new StringBuilder(FORMAT).append('\n')
                .append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n');
        List<Path> all = new ArrayList<>(roots);
        all.add(null); // separates the source's roots from the worker's class path
        all.addAll(workerClasspath);
        for (Path path : all) {
            if (path == null) {
                inputs.append("--\n");
                continue;
            }
            try {
                if (!Files.isRegularFile(path)) {
                    return Optional.empty();
                }
                inputs.append(path.toAbsolutePath()).append('\t').append(Files.size(path)).append('\t')
                        .append(Files.getLastModifiedTime(path).toMillis()).append('\n');
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inputs.toString().getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, Set<PluginType>>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(FORMAT) || !lines.get(lines.size() - 1).equals("end")) {
                return Optional.empty();
            }
            Map<String, Set<PluginType>> candidates = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size() - 1)) {
                String[] parts = line.split("\t");
                Set<PluginType> kinds = EnumSet.noneOf(PluginType.class);
                for (String kind : parts[1].split(",")) {
                    kinds.add(PluginType.valueOf(kind));
                }
                candidates.put(parts[0], kinds);
            }
            return Optional.of(candidates);
        } catch (IOException | RuntimeException e) {
            log.debug("Ignoring the unreadable plugin scan cache {}", file, e);
            return Optional.empty();
        }
    }

    // Written aside and moved into place, so a reader never sees half a file.
    private void write(Path file, Map<String, Set<PluginType>> candidates) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        candidates.forEach((name, kinds) -> text.append(name).append('\t')
                .append(kinds.stream().map(Enum::name).collect(Collectors.joining(","))).append('\n'));
        text.append("end\n");
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "scan-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.debug("Could not store the plugin scan in {}", directory, e);
        }
    }
}
