package io.tributary.connect.plugins;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The short names a plugin can be referred to by. Every plugin class has its simple name
 * (for nested classes the part after '$') and, where the simple name ends with its kind's suffix,
 * the simple name without it: FileStreamSourceConnector is also FileStreamSource, FileConfigProvider
 * is also File, SimpleHeaderConverter is also Simple. An alias that would name two different classes,
 * of whatever kinds, is given to neither; copies of one class in several locations do not conflict.
 */
final class PluginAliases {

    private PluginAliases() {
    }

    static String simpleName(String className) {
        String afterPackage = className.substring(className.lastIndexOf('.') + 1);
        return afterPackage.substring(afterPackage.lastIndexOf('$') + 1);
    }

    /** The simple name with the kind's suffix removed, or the simple name when it has no such suffix. */
    static String prunedName(String className, PluginType kind) {
        String simple = simpleName(className);
        String suffix = kind.aliasSuffix();
        return simple.endsWith(suffix) && simple.length() > suffix.length()
                ? simple.substring(0, simple.length() - suffix.length())
                : simple;
    }

    /** Both short names of a descriptor's class for its kind. */
    static Set<String> namesOf(PluginDescriptor descriptor) {
        Set<String> names = new LinkedHashSet<>();
        names.add(simpleName(descriptor.className()));
        names.add(prunedName(descriptor.className(), descriptor.type()));
        return names;
    }

    /** Every short name that identifies exactly one plugin class, mapped to that class name. */
    static Map<String, String> unambiguous(Collection<PluginDescriptor> descriptors) {
        Map<String, Set<String>> classesByAlias = classesByAlias(descriptors);
        Map<String, String> aliases = new TreeMap<>();
        classesByAlias.forEach((alias, classes) -> {
            if (classes.size() == 1) {
                aliases.put(alias, classes.iterator().next());
            }
        });
        return aliases;
    }

    /** Every short name, with all the plugin classes it could refer to. */
    static Map<String, Set<String>> classesByAlias(Collection<PluginDescriptor> descriptors) {
        Map<String, Set<String>> classesByAlias = new HashMap<>();
        for (PluginDescriptor descriptor : descriptors) {
            for (String alias : namesOf(descriptor)) {
                classesByAlias.computeIfAbsent(alias, a -> new TreeSet<>()).add(descriptor.className());
            }
        }
        return classesByAlias;
    }
}
