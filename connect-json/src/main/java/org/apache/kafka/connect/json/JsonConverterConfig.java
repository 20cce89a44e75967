package org.apache.kafka.connect.json;

import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.connect.storage.ConverterConfig;

/** Settings of {@link JsonConverter}. */
public final class JsonConverterConfig extends ConverterConfig {

    public static final String SCHEMAS_ENABLE_CONFIG = "schemas.enable";
    public static final boolean SCHEMAS_ENABLE_DEFAULT = true;

    public static final String SCHEMAS_CACHE_SIZE_CONFIG = "schemas.cache.size";
    public static final int SCHEMAS_CACHE_SIZE_DEFAULT = 1000;

    public static final String DECIMAL_FORMAT_CONFIG = "decimal.format";
    // Not a compile-time constant on purpose: derived from the enum, like the reference API.
    public static final String DECIMAL_FORMAT_DEFAULT = DecimalFormat.BASE64.name();

    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";
    public static final boolean REPLACE_NULL_WITH_DEFAULT_DEFAULT = true;

    private static final String SCHEMAS_GROUP = "Schemas";
    private static final String SERIALIZATION_GROUP = "Serialization";

    private static final ConfigDef CONFIG = buildConfigDef();

    private final boolean schemasEnabled;
    private final int schemaCacheSize;
    private final DecimalFormat decimalFormat;
    private final boolean replaceNullWithDefault;

    public JsonConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
        this.schemasEnabled = getBoolean(SCHEMAS_ENABLE_CONFIG);
        this.schemaCacheSize = getInt(SCHEMAS_CACHE_SIZE_CONFIG);
        this.decimalFormat = DecimalFormat.valueOf(getString(DECIMAL_FORMAT_CONFIG).toUpperCase(Locale.ROOT));
        this.replaceNullWithDefault = getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    /** A fresh definition each call, so callers may extend it without affecting parsing. */
    public static ConfigDef configDef() {
        return buildConfigDef();
    }

    public boolean schemasEnabled() {
        return schemasEnabled;
    }

    public int schemaCacheSize() {
        return schemaCacheSize;
    }

    public DecimalFormat decimalFormat() {
        return decimalFormat;
    }

    public boolean replaceNullWithDefault() {
        return replaceNullWithDefault;
    }

    private static ConfigDef buildConfigDef() {
        ConfigDef def = ConverterConfig.newConfigDef();
        def.define(SCHEMAS_ENABLE_CONFIG, Type.BOOLEAN, SCHEMAS_ENABLE_DEFAULT, Importance.HIGH,
                "When true, each message is an envelope holding the Connect schema next to the payload; "
                        + "when false, messages are plain JSON without schema information.",
                SCHEMAS_GROUP, 0, Width.MEDIUM, "Enable Schemas");
        def.define(SCHEMAS_CACHE_SIZE_CONFIG, Type.INT, SCHEMAS_CACHE_SIZE_DEFAULT, Importance.HIGH,
                "How many schema translations are remembered, separately for each direction of conversion.",
                SCHEMAS_GROUP, 1, Width.MEDIUM, "Schema Cache Size");
        def.define(DECIMAL_FORMAT_CONFIG, Type.STRING, DECIMAL_FORMAT_DEFAULT,
                ConfigDef.CaseInsensitiveValidString.in(DecimalFormat.BASE64.name(), DecimalFormat.NUMERIC.name()),
                Importance.LOW,
                "How Decimal values are written: BASE64 writes the unscaled bytes as a base64 string, "
                        + "NUMERIC writes a JSON number. Either form is accepted when reading.",
                SERIALIZATION_GROUP, 0, Width.MEDIUM, "Decimal Format");
        def.define(REPLACE_NULL_WITH_DEFAULT_CONFIG, Type.BOOLEAN, REPLACE_NULL_WITH_DEFAULT_DEFAULT, Importance.LOW,
                "When true, a null value whose schema declares a default is converted as that default; "
                        + "when false, it stays null.",
                SERIALIZATION_GROUP, 1, Width.MEDIUM, "Replace null with default");
        return def;
    }
}
