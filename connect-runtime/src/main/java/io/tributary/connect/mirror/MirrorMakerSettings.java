package io.tributary.connect.mirror;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level settings of an {@code mm2.properties} file, with MirrorMaker 2's names and defaults: the cluster
 * aliases, which flows run, and whether the internal REST server starts. Everything else in the file is passed on,
 * per flow, by {@link FlowConfigs}.
 */
public final class MirrorMakerSettings extends AbstractConfig {

    public static final String CLUSTERS_CONFIG = "clusters";
    public static final String ENABLE_INTERNAL_REST_CONFIG = "dedicated.mode.enable.internal.rest";
    public static final String CONFIG_PROVIDERS_CONFIG = "config.providers";
    static final String EMIT_HEARTBEATS_ENABLED = "emit.heartbeats.enabled";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(CLUSTERS_CONFIG, ConfigDef.Type.LIST, ConfigDef.Importance.HIGH,
                    "The aliases of the Kafka clusters this MirrorMaker 2 cluster replicates between.")
            .define(ENABLE_INTERNAL_REST_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.HIGH,
                    "Start a REST server (on 'listeners') that only the nodes of this MirrorMaker 2 cluster use, "
                            + "so that a connector running on a node other than its flow's leader can hand it task "
                            + "configs: needed for clusters of more than one node.")
            .define(CONFIG_PROVIDERS_CONFIG, ConfigDef.Type.LIST, List.of(), ConfigDef.Importance.LOW,
                    "Config providers the workers resolve ${provider:path:key} references with.");

    private final Map<String, String> raw;

    /** @throws ConfigException naming the key when {@code clusters} is missing or a setting does not parse */
    public MirrorMakerSettings(Map<String, String> props) {
        super(DEFINITION, props, false);
        this.raw = Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    /** Every property of the file, as written. */
    Map<String, String> raw() {
        return raw;
    }

    /** The cluster aliases, in the order listed, each once. */
    public List<String> clusters() {
        return new ArrayList<>(new LinkedHashSet<>(getList(CLUSTERS_CONFIG)));
    }

    public boolean internalRestEnabled() {
        return getBoolean(ENABLE_INTERNAL_REST_CONFIG);
    }

    /**
     * Every ordered pair of distinct clusters that gets a herder, as MirrorMaker 2 chooses them: the flows enabled
     * with {@code A->B.enabled=true}, and also the others while heartbeats are on for them
     * ({@code A->B.emit.heartbeats.enabled}, else {@code emit.heartbeats.enabled}, true by default), whose
     * connectors then run with {@code enabled=false} and only emit heartbeats.
     */
    public List<Flow> flows() {
        boolean heartbeatsByDefault = !raw.containsKey(EMIT_HEARTBEATS_ENABLED)
                || Boolean.parseBoolean(raw.get(EMIT_HEARTBEATS_ENABLED));
        List<Flow> flows = new ArrayList<>();
        for (String source : clusters()) {
            for (String target : clusters()) {
                if (source.equals(target)) {
                    continue;
                }
                Flow flow = new Flow(source, target);
                String heartbeatsKey = flow + "." + EMIT_HEARTBEATS_ENABLED;
                boolean heartbeats = raw.containsKey(heartbeatsKey)
                        ? Boolean.parseBoolean(raw.get(heartbeatsKey)) : heartbeatsByDefault;
                if (enabled(flow) || heartbeats) {
                    flows.add(flow);
                }
            }
        }
        return flows;
    }

    /** Whether {@code A->B.enabled=true}: the flow replicates, rather than only emitting heartbeats. */
    public boolean enabled(Flow flow) {
        return Boolean.parseBoolean(raw.get(flow + ".enabled"));
    }

    /**
     * The flows this process drives: those whose target is among {@code targets} (all flows when empty).
     *
     * @throws ConfigException when a named target is not one of {@code clusters}, or no flow is left
     */
    public List<Flow> flowsTargeting(List<String> targets) {
        Set<String> known = new LinkedHashSet<>(clusters());
        for (String target : targets) {
            if (!known.contains(target)) {
                throw new ConfigException("--clusters names " + target + ", which is not one of the clusters "
                        + CLUSTERS_CONFIG + "=" + String.join(",", known));
            }
        }
        List<Flow> flows = flows().stream().filter(f -> targets.isEmpty() || targets.contains(f.target())).toList();
        if (flows.isEmpty()) {
            List<String> aliases = new ArrayList<>(known);
            String example = aliases.size() < 2 ? "list at least two aliases in " + CLUSTERS_CONFIG
                    : "enable one, e.g. " + new Flow(aliases.get(0), aliases.get(1)) + ".enabled=true";
            throw new ConfigException("No source->target replication flows: " + example + " (" + CLUSTERS_CONFIG + "="
                    + String.join(",", known) + (targets.isEmpty() ? "" : ", --clusters " + String.join(" ", targets))
                    + ")");
        }
        return flows;
    }

    /**
     * Checks that every cluster these flows connect to has bootstrap servers, from {@code <alias>.bootstrap.servers}
     * or the file's own {@code bootstrap.servers}.
     */
    void requireBootstrapServers(List<Flow> flows) {
        Set<String> clusters = new LinkedHashSet<>();
        flows.forEach(flow -> {
            clusters.add(flow.source());
            clusters.add(flow.target());
        });
        for (String cluster : clusters) {
            String servers = raw.getOrDefault(cluster + ".bootstrap.servers", raw.get("bootstrap.servers"));
            if (servers == null || servers.isBlank()) {
                throw new ConfigException("Cluster " + cluster + " has no bootstrap servers: set "
                        + cluster + ".bootstrap.servers to the host:port list of its brokers");
            }
        }
    }
}
