package io.tributary.connect.herder;

import java.util.List;
import java.util.Optional;

import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.PluginType;
import io.tributary.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/** The settings plugins declare (their {@code config()}), and which plugins of a kind are installed. */
final class PluginSettings {

    private final Plugins plugins;

    PluginSettings(Plugins plugins) {
        this.plugins = plugins;
    }

    Plugins plugins() {
        return plugins;
    }

    /** The plugin of that kind, by class name or alias, or empty when there is none. */
    Optional<PluginDescriptor> find(String classOrAlias, PluginType type) {
        if (classOrAlias == null || classOrAlias.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(plugins.pluginDescriptor(classOrAlias.trim(), type));
        } catch (ConnectException e) {
            return Optional.empty();
        }
    }

    /** What a fresh instance of the plugin answers from config(); an empty definition when it answers null. */
    ConfigDef ownDefinition(PluginDescriptor descriptor) {
        Object plugin = plugins.newPlugin(descriptor.className(), descriptor.type());
        try (LoaderSwap ignored = plugins.withClassLoader(descriptor.loader())) {
            ConfigDef own;
            if (plugin instanceof Connector connector) {
                own = connector.config();
            } else if (plugin instanceof Converter converter) {
                own = converter.config();
            } else if (plugin instanceof HeaderConverter converter) {
                own = converter.config();
            } else if (plugin instanceof Transformation<?> transformation) {
                own = transformation.config();
            } else if (plugin instanceof Predicate<?> predicate) {
                own = predicate.config();
            } else {
                throw new ConnectException(descriptor.className() + " declares no settings");
            }
            return own == null ? new ConfigDef() : own;
        }
    }

    /** Class names of the installed plugins of a kind, sorted, as validation recommends them. */
    List<String> classNames(PluginType type) {
        return plugins.descriptors(type).stream().map(PluginDescriptor::className).distinct().sorted().toList();
    }
}
