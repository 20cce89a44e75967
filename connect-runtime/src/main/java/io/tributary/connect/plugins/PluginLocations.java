package io.tributary.connect.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@code plugin.path} value into plugin locations. Each comma-separated entry is either a
 * directory, whose every top-level sub-directory or archive is one location, or an archive that is
 * a location by itself. A location directory contributes every archive under it (at any depth);
 * if it holds no archive but has class files, the directory itself is a class root. Entries that
 * do not exist are logged and skipped. A relative entry is taken from the current directory, as Apache
 * does; when nothing is there, from the installation directory the launcher names in the
 * {@value #HOME_PROPERTY} system property, so the sample configs' {@code plugin.path=plugins} finds the
 * distribution's plugins/ folder whatever directory the worker is started from.
 */
final class PluginLocations {

    private static final Logger log = LoggerFactory.getLogger(PluginLocations.class);

    /** Set by bin/lib/launcher.sh to the directory holding bin/, config/, libs/ and plugins/. */
    static final String HOME_PROPERTY = "tributary.home";

    private PluginLocations() {
    }

    /** Location path to the jar files or class directory it contributes, in plugin.path order. */
    static Map<Path, List<Path>> resolve(String pluginPath) {
        String home = System.getProperty(HOME_PROPERTY);
        return resolve(pluginPath, home == null || home.isBlank() ? null : Paths.get(home));
    }

    static Map<Path, List<Path>> resolve(String pluginPath, Path home) {
        Map<Path, List<Path>> locations = new LinkedHashMap<>();
        if (pluginPath == null) {
            return locations;
        }
        for (String raw : pluginPath.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            Path path = locate(entry, home);
            if (!Files.exists(path)) {
                log.warn("Skipping {} entry '{}': no such file or directory", Plugins.PLUGIN_PATH_CONFIG, entry);
            } else if (Files.isDirectory(path)) {
                for (Path child : sortedChildren(path)) {
                    if (Files.isDirectory(child) || isArchive(child)) {
                        addLocation(locations, child);
                    }
                }
            } else if (isArchive(path)) {
                addLocation(locations, path);
            } else {
                log.warn("Skipping {} entry '{}': neither a directory nor a jar/zip archive",
                        Plugins.PLUGIN_PATH_CONFIG, entry);
            }
        }
        return locations;
    }

    private static Path locate(String entry, Path home) {
        Path given = Paths.get(entry);
        Path fromCurrentDirectory = given.toAbsolutePath().normalize();
        if (given.isAbsolute() || home == null || Files.exists(fromCurrentDirectory)) {
            return fromCurrentDirectory;
        }
        Path fromHome = home.resolve(given).toAbsolutePath().normalize();
        return Files.exists(fromHome) ? fromHome : fromCurrentDirectory;
    }

    private static void addLocation(Map<Path, List<Path>> locations, Path location) {
        List<Path> roots = roots(location);
        if (roots.isEmpty()) {
            log.debug("Ignoring plugin location {}: it holds neither archives nor class files", location);
        } else {
            locations.putIfAbsent(location, roots);
        }
    }

    /** The archives or the class directory that make up one location's class path. */
    static List<Path> roots(Path location) {
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        List<Path> archives = new ArrayList<>();
        boolean hasClasses = false;
        try (Stream<Path> files = Files.walk(location, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                if (isArchive(file)) {
                    archives.add(file);
                } else if (file.getFileName().toString().endsWith(".class")) {
                    hasClasses = true;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.error("Could not list plugin location {}; skipping it", location, e);
            return List.of();
        }
        if (!archives.isEmpty()) {
            return archives;
        }
        return hasClasses ? List.of(location) : List.of();
    }

    static boolean isArchive(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".jar") || name.endsWith(".zip"));
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted().toList();
        } catch (IOException e) {
            log.error("Could not list {} entry {}; skipping it", Plugins.PLUGIN_PATH_CONFIG, dir, e);
            return List.of();
        }
    }
}
