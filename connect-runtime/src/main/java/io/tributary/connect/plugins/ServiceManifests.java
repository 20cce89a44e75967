package io.tributary.connect.plugins;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the ServiceLoader provider files ({@code META-INF/services/<API type>}) of one source,
 * looking only at the source's own jars and directories so that a plugin location never
 * reports providers that belong to the worker's class path.
 */
final class ServiceManifests {

    private ServiceManifests() {
    }

    /** Provider class names listed in the source, with the kinds they were listed for. */
    static Map<String, Set<PluginType>> read(PluginSource source) {
        Map<String, Set<PluginType>> providers = new LinkedHashMap<>();
        for (PluginType kind : PluginType.values()) {
            String file = "META-INF/services/" + kind.apiType().getName();
            for (byte[] content : SourceContents.readAll(source.roots(), file)) {
                for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
                    String name = stripComment(line).trim();
                    if (!name.isEmpty()) {
                        providers.computeIfAbsent(name, n -> EnumSet.noneOf(PluginType.class)).add(kind);
                    }
                }
            }
        }
        return providers;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
