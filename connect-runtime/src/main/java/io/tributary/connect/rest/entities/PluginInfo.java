package io.tributary.connect.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.connect.plugins.PluginDescriptor;

/** One element of GET /connector-plugins. */
@JsonPropertyOrder({"class", "type", "version"})
public record PluginInfo(
        @JsonProperty("class") String className,
        @JsonProperty("type") String type,
        @JsonProperty("version") String version) {

    public static PluginInfo of(PluginDescriptor descriptor) {
        return new PluginInfo(descriptor.className(), descriptor.typeName(), descriptor.version());
    }
}
