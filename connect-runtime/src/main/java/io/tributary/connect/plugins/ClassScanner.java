package io.tributary.connect.plugins;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finds plugin candidates in a source by reading class-file headers and walking each class's
 * supertypes: within the source through the headers, outside it (the Connect API, libraries on
 * the parent) by loading the supertype without initialising it. Only scannable kinds are looked for.
 */
final class ClassScanner {

    private final Map<String, ClassHeader> headers = new HashMap<>();
    private final Map<String, Set<PluginType>> kindsByClass = new HashMap<>();
    private final ClassLoader loader;

    private ClassScanner(ClassLoader loader) {
        this.loader = loader;
    }

    /** Candidate class names in the source, with the kinds each one implements. */
    static Map<String, Set<PluginType>> scan(PluginSource source) {
        return ScanCache.configured().map(cache -> cache.candidates(source, () -> scanHeaders(source)))
                .orElseGet(() -> scanHeaders(source));
    }

    private static Map<String, Set<PluginType>> scanHeaders(PluginSource source) {
        ClassScanner scanner = new ClassScanner(source.loader());
        SourceContents.classHeaders(source.roots()).forEach(h -> scanner.headers.putIfAbsent(h.name(), h));
        Map<String, Set<PluginType>> candidates = new LinkedHashMap<>();
        scanner.headers.values().stream()
                .filter(ClassHeader::couldBeConcretePublicClass)
                .map(ClassHeader::name)
                .sorted()
                .forEach(name -> {
                    Set<PluginType> kinds = EnumSet.noneOf(PluginType.class);
                    for (PluginType kind : scanner.kindsOf(name)) {
                        if (kind.scannable()) {
                            kinds.add(kind);
                        }
                    }
                    if (!kinds.isEmpty()) {
                        candidates.put(name, kinds);
                    }
                });
        return candidates;
    }

    /** The plugin kinds whose API type the named class or interface extends or implements. */
    private Set<PluginType> kindsOf(String className) {
        Set<PluginType> known = kindsByClass.get(className);
        if (known != null) {
            return known;
        }
        kindsByClass.put(className, EnumSet.noneOf(PluginType.class)); // guards against malformed cycles
        Set<PluginType> kinds = EnumSet.noneOf(PluginType.class);
        ClassHeader header = headers.get(className);
        if (header != null) {
            for (String supertype : header.supertypes()) {
                kinds.addAll(directKinds(supertype));
                kinds.addAll(kindsOf(supertype));
            }
        } else {
            kinds.addAll(kindsOfOutsideClass(className));
        }
        kindsByClass.put(className, kinds);
        return kinds;
    }

    private static Set<PluginType> directKinds(String typeName) {
        Set<PluginType> kinds = EnumSet.noneOf(PluginType.class);
        for (PluginType kind : PluginType.values()) {
            if (kind.apiType().getName().equals(typeName)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private Set<PluginType> kindsOfOutsideClass(String className) {
        Set<PluginType> kinds = EnumSet.noneOf(PluginType.class);
        if (className.startsWith("java.")) {
            return kinds;
        }
        try {
            Class<?> type = Class.forName(className, false, loader);
            for (PluginType kind : PluginType.values()) {
                if (kind.apiType().isAssignableFrom(type)) {
                    kinds.add(kind);
                }
            }
        } catch (ClassNotFoundException | LinkageError missing) {
            // A supertype that cannot be loaded cannot lead to a usable plugin.
        }
        return kinds;
    }
}
