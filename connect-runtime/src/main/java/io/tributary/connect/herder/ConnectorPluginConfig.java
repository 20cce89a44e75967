package io.tributary.connect.herder;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.config.SinkConnectorConfig;
import io.tributary.connect.config.SourceConnectorConfig;
import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.PluginType;
import io.tributary.connect.model.ConfigKeyInfo;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.connect.errors.NotFoundException;

/**
 * GET /connector-plugins/{plugin}/config: the settings of a connector (its own, then those every source
 * or sink connector has that it does not define itself), converter, header converter, transformation or
 * predicate.
 */
final class ConnectorPluginConfig {

    private static final Set<PluginType> DESCRIBABLE = EnumSet.of(PluginType.SOURCE, PluginType.SINK,
            PluginType.CONVERTER, PluginType.HEADER_CONVERTER, PluginType.TRANSFORMATION, PluginType.PREDICATE);

    private final PluginSettings settings;

    ConnectorPluginConfig(PluginSettings settings) {
        this.settings = settings;
    }

    List<ConfigKeyInfo> describe(String plugin, String version) {
        PluginDescriptor descriptor = settings.plugins().descriptor(plugin)
                .orElseThrow(() -> new NotFoundException("Unknown plugin " + plugin + "."));
        if (!DESCRIBABLE.contains(descriptor.type())) {
            throw new BadRequestException("Invalid plugin class " + plugin + ". Valid types are sink, source, "
                    + "converter, header_converter, transformation, predicate.");
        }
        if (version != null) {
            VersionRequirement requirement = VersionRequirement.parse(version);
            if (!requirement.matches(descriptor.version())) {
                throw new BadRequestException("Plugin " + descriptor.className() + " not found that matches the "
                        + "version range " + requirement.asRange() + ", available versions: ["
                        + descriptor.version() + "]");
            }
        }
        // By name: a connector that defines a common setting itself (MirrorMaker 2's define them all) lists it
        // once, with its own definition, in its own place; as Kafka Connect lists it.
        Map<String, ConfigKey> keys = new LinkedHashMap<>(settings.ownDefinition(descriptor).configKeys());
        if (descriptor.type().isConnector()) {
            ConfigDef common = descriptor.type() == PluginType.SINK ? SinkConnectorConfig.configDef()
                    : SourceConnectorConfig.configDef();
            common.configKeys().values().forEach(key -> keys.putIfAbsent(key.name,
                    key.name.equals(ConnectorConfig.CONNECTOR_VERSION)
                            ? ConfigKeys.withDefault(key, descriptor.version()) : key));
        }
        List<ConfigKeyInfo> infos = new ArrayList<>();
        keys.values().forEach(key -> infos.add(ConfigKeyInfo.of(key)));
        return infos;
    }
}
