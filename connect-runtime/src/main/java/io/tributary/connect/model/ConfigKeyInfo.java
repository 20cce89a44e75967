package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apache.kafka.common.config.ConfigDef;

import java.util.List;

/** The definition of one setting, as the plugin config and validation endpoints describe it. */
@JsonPropertyOrder({"name", "type", "required", "default_value", "importance", "documentation", "group", "width",
    "display_name", "dependents", "order"})
public record ConfigKeyInfo(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("required") boolean required,
        @JsonProperty("default_value") String defaultValue,
        @JsonProperty("importance") String importance,
        @JsonProperty("documentation") String documentation,
        @JsonProperty("group") String group,
        @JsonProperty("order") int order,
        @JsonProperty("width") String width,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("dependents") List<String> dependents) {

    /** A key without a default is required; a default is shown in its string form. */
    public static ConfigKeyInfo of(ConfigDef.ConfigKey key) {
        boolean required = !key.hasDefault();
        String defaultValue = required || key.defaultValue == null ? null
                : ConfigDef.convertToString(key.defaultValue, key.type);
        return new ConfigKeyInfo(key.name, key.type.name(), required, defaultValue, key.importance.name(),
                key.documentation, key.group, key.orderInGroup, key.width.name(), key.displayName,
                List.copyOf(key.dependents));
    }
}
