package io.tributary.connect.plugins;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the plugins of every source according to the discovery mode, and in the hybrid modes
 * reports (warning or failing) the plugins that only class scanning could find.
 */
final class PluginDiscovery {

    private static final Logger log = LoggerFactory.getLogger(PluginDiscovery.class);

    private PluginDiscovery() {
    }

    /** @param time measures how long discovery took, for the log */
    static List<PluginDescriptor> discover(List<PluginSource> sources, PluginDiscoveryMode mode, Time time) {
        long start = time.nanoseconds();
        List<PluginDescriptor> found = new ArrayList<>();
        Set<PluginDescriptor> scanOnly = new TreeSet<>();
        for (PluginSource source : sources) {
            log.info("Looking for plugins in {}", source.location());
            discover(source, mode, found, scanOnly);
        }
        log.info("Found {} plugins with plugin.discovery={} in {} ms", found.size(), mode,
                (time.nanoseconds() - start) / 1_000_000);
        if (mode.isHybrid() && !scanOnly.isEmpty()) {
            report(mode, scanOnly);
        }
        return found;
    }

    private static void discover(PluginSource source, PluginDiscoveryMode mode,
                                 List<PluginDescriptor> found, Set<PluginDescriptor> scanOnly) {
        Map<String, Set<PluginType>> listed = new LinkedHashMap<>();
        ServiceManifests.read(source).forEach((className, kinds) -> {
            Set<PluginType> wanted = EnumSet.noneOf(PluginType.class);
            kinds.stream().filter(k -> mode.readsManifests() || !k.scannable()).forEach(wanted::add);
            if (!wanted.isEmpty()) {
                listed.put(className, wanted);
            }
        });
        Map<String, Set<PluginType>> candidates = new LinkedHashMap<>();
        listed.forEach((className, kinds) -> candidates.put(className, EnumSet.copyOf(kinds)));
        if (mode.scans()) {
            ClassScanner.scan(source).forEach((className, kinds) ->
                    candidates.computeIfAbsent(className, n -> EnumSet.noneOf(PluginType.class)).addAll(kinds));
        }
        Set<String> seen = new HashSet<>();
        candidates.forEach((className, kinds) -> {
            for (PluginDescriptor descriptor : PluginInspector.inspect(source, className, kinds)) {
                if (!source.isClasspath() && descriptor.pluginClass().getClassLoader() != source.loader()) {
                    log.debug("Ignoring {} listed in {}: the class comes from the worker", className, source.location());
                    continue;
                }
                if (seen.add(className + "/" + descriptor.type())) {
                    found.add(descriptor);
                    Set<PluginType> listedKinds = listed.get(className);
                    if (listedKinds == null || !listedKinds.contains(descriptor.type())) {
                        scanOnly.add(descriptor);
                    }
                }
            }
        });
    }

    private static void report(PluginDiscoveryMode mode, Set<PluginDescriptor> scanOnly) {
        StringBuilder message = new StringBuilder()
                .append("These plugins were found by scanning classes but have no ServiceLoader manifest ")
                .append("entry (META-INF/services/<plugin interface>), so plugin.discovery=service_load would not see them:");
        for (PluginDescriptor d : scanOnly) {
            message.append("\n  ").append(d.location()).append('\t').append(d.className())
                    .append('\t').append(d.typeName()).append('\t').append(d.version());
        }
        message.append("\nAdd manifest entries to these plugins to be able to use the faster service_load mode.");
        if (mode == PluginDiscoveryMode.HYBRID_FAIL) {
            message.append(" Set plugin.discovery=hybrid_warn to start the worker anyway.");
            throw new ConnectException(message.toString());
        }
        message.append(" Set plugin.discovery=only_scan to stop this warning.");
        log.warn(message.toString());
    }
}
