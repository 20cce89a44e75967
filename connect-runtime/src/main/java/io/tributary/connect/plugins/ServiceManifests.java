package io.tributary.connect.plugins;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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
        Map<String, PluginType> kindByFile = new LinkedHashMap<>();
        for (PluginType kind : PluginType.values()) {
            kindByFile.put("META-INF/services/" + kind.apiType().getName(), kind);
        }
        Map<String, Set<PluginType>> providers = new LinkedHashMap<>();
        SourceContents.readAll(source.roots(), List.copyOf(kindByFile.keySet())).forEach((file, contents) -> {
            PluginType kind = kindByFile.get(file);
            for (byte[] content : contents) {
                for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
                    String name = stripComment(line).trim();
                    if (!name.isEmpty()) {
                        providers.computeIfAbsent(name, n -> EnumSet.noneOf(PluginType.class)).add(kind);
                    }
                }
            }
        });
        return providers;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
