package io.tributary.connect.mirror;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigDef;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What MirrorMaker 2 derives from {@code mm2.properties} for one flow: the config of the Connect worker that runs
 * it (on the target cluster) and the config of each of its three connectors. The values are the ones Apache's
 * dedicated MirrorMaker 2 writes, so that a Tributary node and an Apache node can share a flow's Connect group and
 * its config topic.
 */
final class FlowConfigs {

    /** Worker settings taken from the top level of the file, each with every key that starts with it. */
    private static final List<String> WORKER_PREFIXES = List.of("offset.storage", "config.storage", "status.storage",
            "key.converter", "value.converter", "header.converter", "task", "worker", "replication.policy");
    private static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";
    private static final List<String> CLIENT_KINDS = List.of("consumer.", "producer.", "admin.");
    /** The connection settings a cluster's clients share: bootstrap servers, security protocol, SSL and SASL. */
    private static final Set<String> CLIENT_SETTINGS = new ConfigDef()
            .define(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, ConfigDef.Type.LIST, ConfigDef.Importance.HIGH, "")
            .define(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, ConfigDef.Type.STRING, "PLAINTEXT",
                    ConfigDef.Importance.MEDIUM, "")
            .withClientSslSupport()
            .withClientSaslSupport()
            .names();

    private final MirrorMakerSettings settings;

    FlowConfigs(MirrorMakerSettings settings) {
        this.settings = settings;
    }

    /**
     * The worker config of the flow's Connect group: the target cluster's settings, the file's worker-level
     * settings, and the group and internal topics named after the source ({@code <source>-mm2},
     * {@code mm2-configs.<source>.internal} and so on), with bytes passed through unchanged.
     */
    Map<String, String> workerConfig(Flow flow) {
        Map<String, String> config = new HashMap<>(clusterSettings(flow.target()));
        WORKER_PREFIXES.forEach(prefix -> config.putAll(withPrefix(prefix)));
        config.putAll(withPrefix(MirrorMakerSettings.CONFIG_PROVIDERS_CONFIG));
        config.putIfAbsent("client.id", flow.toString());
        config.putIfAbsent("group.id", flow.source() + "-mm2");
        config.putIfAbsent("offset.storage.topic", "mm2-offsets." + flow.source() + ".internal");
        config.putIfAbsent("status.storage.topic", "mm2-status." + flow.source() + ".internal");
        config.putIfAbsent("config.storage.topic", "mm2-configs." + flow.source() + ".internal");
        config.putIfAbsent("key.converter", BYTE_ARRAY_CONVERTER);
        config.putIfAbsent("value.converter", BYTE_ARRAY_CONVERTER);
        config.putIfAbsent("header.converter", BYTE_ARRAY_CONVERTER);
        return config;
    }

    /**
     * The config of one of the flow's connectors, named after its class: the file's settings any MirrorMaker 2
     * connector defines ({@code mirrorSettings}), both clusters' settings as {@code source.cluster.*},
     * {@code source.consumer.*} (and so on for target), and the flow's own {@code A->B.*} settings, which win.
     *
     * @param mirrorSettings the names the three MirrorMaker 2 connectors define between them
     */
    Map<String, String> connectorConfig(Flow flow, String connectorClass, Set<String> mirrorSettings) {
        Map<String, String> config = new HashMap<>(settings.raw());
        config.keySet().retainAll(mirrorSettings);
        config.putAll(withPrefix(MirrorMakerSettings.CONFIG_PROVIDERS_CONFIG));
        config.putAll(withPrefix("replication.policy"));
        config.putAll(asConnectorSettings("source.", clusterSettings(flow.source())));
        config.putAll(asConnectorSettings("target.", clusterSettings(flow.target())));
        config.putIfAbsent("name", connectorClass.substring(connectorClass.lastIndexOf('.') + 1));
        config.putIfAbsent("connector.class", connectorClass);
        config.putIfAbsent("source.cluster.alias", flow.source());
        config.putIfAbsent("target.cluster.alias", flow.target());
        config.putAll(stripped(flow + "."));
        config.putIfAbsent("enabled", "false");
        return config;
    }

    /**
     * A cluster's settings: its {@code <alias>.*} keys, their connection settings copied to each client kind
     * ({@code consumer.}, {@code producer.}, {@code admin.}), then the file's top-level connection settings where
     * the cluster has none.
     */
    Map<String, String> clusterSettings(String alias) {
        Map<String, String> cluster = stripped(alias + ".");
        for (String name : CLIENT_SETTINGS) {
            String value = cluster.get(name);
            if (value != null) {
                CLIENT_KINDS.forEach(kind -> cluster.putIfAbsent(kind + name, value));
            }
        }
        for (String name : CLIENT_SETTINGS) {
            String value = settings.raw().get(name);
            if (value != null) {
                CLIENT_KINDS.forEach(kind -> cluster.putIfAbsent(kind + name, value));
                cluster.putIfAbsent(name, value);
            }
        }
        return cluster;
    }

    /** Client settings become {@code source.consumer.*}; the others {@code source.cluster.*}. */
    private static Map<String, String> asConnectorSettings(String side, Map<String, String> cluster) {
        Map<String, String> prefixed = new HashMap<>();
        cluster.forEach((key, value) -> {
            boolean clientSetting = key.startsWith("consumer") || key.startsWith("producer") || key.startsWith("admin");
            prefixed.put(side + (clientSetting ? "" : "cluster.") + key, value);
        });
        return prefixed;
    }

    private Map<String, String> withPrefix(String prefix) {
        Map<String, String> matching = new HashMap<>();
        settings.raw().forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                matching.put(key, value);
            }
        });
        return matching;
    }

    private Map<String, String> stripped(String prefix) {
        Map<String, String> matching = new HashMap<>();
        settings.raw().forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                matching.put(key.substring(prefix.length()), value);
            }
        });
        return matching;
    }
}
