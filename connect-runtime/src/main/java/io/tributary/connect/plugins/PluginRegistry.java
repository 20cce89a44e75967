package io.tributary.connect.plugins;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * The discovered plugins, and how a class name or alias given in a configuration is resolved to
 * one of them. When one class was found in several locations the highest version wins.
 */
final class PluginRegistry {

    private static final Comparator<PluginDescriptor> BY_VERSION =
            Comparator.comparing(PluginDescriptor::version, VersionComparator.INSTANCE);

    private final SortedSet<PluginDescriptor> all;
    private final Map<PluginType, SortedSet<PluginDescriptor>> byType = new EnumMap<>(PluginType.class);
    private final Map<String, String> aliases;
    private final Map<String, Set<String>> classesByAlias;

    PluginRegistry(Collection<PluginDescriptor> descriptors) {
        this.all = Collections.unmodifiableSortedSet(new TreeSet<>(descriptors));
        for (PluginType type : PluginType.values()) {
            byType.put(type, Collections.unmodifiableSortedSet(all.stream()
                    .filter(d -> d.type() == type).collect(Collectors.toCollection(TreeSet::new))));
        }
        this.aliases = Collections.unmodifiableMap(PluginAliases.unambiguous(all));
        this.classesByAlias = PluginAliases.classesByAlias(all);
    }

    SortedSet<PluginDescriptor> all() {
        return all;
    }

    SortedSet<PluginDescriptor> ofType(PluginType type) {
        return byType.get(type);
    }

    Map<String, String> aliases() {
        return aliases;
    }

    /** The class name an alias stands for, or the name itself when it is not an alias. */
    String fullClassName(String classOrAlias) {
        return aliases.getOrDefault(classOrAlias, classOrAlias);
    }

    /** The newest copy of the named plugin among the given kinds, by class name or unambiguous alias. */
    Optional<PluginDescriptor> find(String classOrAlias, Set<PluginType> kinds) {
        Optional<PluginDescriptor> exact = newest(classOrAlias, kinds);
        return exact.isPresent() ? exact : newest(aliases.get(classOrAlias), kinds);
    }

    /**
     * Resolves a name to one plugin of the given kinds or explains why it cannot. Connectors may
     * also be named by an alias that is ambiguous among all plugins but unique among connectors.
     */
    PluginDescriptor resolve(String classOrAlias, Set<PluginType> kinds, String kindLabel) {
        Optional<PluginDescriptor> found = find(classOrAlias, kinds);
        if (found.isPresent()) {
            return found.get();
        }
        Set<String> sameNamed = kinds.stream()
                .flatMap(kind -> byType.get(kind).stream())
                .filter(d -> PluginAliases.namesOf(d).contains(classOrAlias))
                .map(PluginDescriptor::className)
                .collect(Collectors.toCollection(TreeSet::new));
        boolean connectors = kinds.stream().allMatch(PluginType::isConnector);
        if (connectors && sameNamed.size() == 1) {
            return newest(sameNamed.iterator().next(), kinds).orElseThrow();
        }
        if (!sameNamed.isEmpty()) {
            Set<String> everyMatch = classesByAlias.getOrDefault(classOrAlias, sameNamed);
            throw new ConnectException("The name '" + classOrAlias + "' is ambiguous: it is the short name of "
                    + String.join(", ", everyMatch) + ". Use the full class name of the " + kindLabel + " instead.");
        }
        throw new ConnectException("No " + kindLabel + " plugin has the class name or alias '" + classOrAlias
                + "'. Available " + kindLabel + " plugins: " + describe(kinds));
    }

    private Optional<PluginDescriptor> newest(String className, Set<PluginType> kinds) {
        if (className == null) {
            return Optional.empty();
        }
        return kinds.stream()
                .flatMap(kind -> byType.get(kind).stream())
                .filter(d -> d.className().equals(className))
                .max(BY_VERSION);
    }

    private String describe(Set<PluginType> kinds) {
        String listed = kinds.stream()
                .flatMap(kind -> byType.get(kind).stream())
                .sorted()
                .map(PluginDescriptor::toString)
                .collect(Collectors.joining(", "));
        return listed.isEmpty() ? "none" : listed;
    }
}
