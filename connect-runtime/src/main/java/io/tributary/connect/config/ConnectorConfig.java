package io.tributary.connect.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * Settings every connector has: identity, parallelism, converters, transformation chain and error handling.
 * Keys, types, defaults, validators, groups and display names follow Kafka Connect.
 *
 * <p>The per-alias keys of transformations and predicates ({@code transforms.<alias>.*}) are not part of this
 * base definition: the plugin layer adds them to a copy of {@link #configDef()} and passes the enriched
 * definition to {@link #ConnectorConfig(ConfigDef, Map)}.
 */
public class ConnectorConfig extends AbstractConfig {

    protected static final String COMMON_GROUP = "Common";
    protected static final String TRANSFORMS_GROUP = "Transforms";
    protected static final String PREDICATES_GROUP = "Predicates";
    protected static final String ERROR_GROUP = "Error Handling";

    public static final String NAME_CONFIG = "name";
    public static final String CONNECTOR_CLASS_CONFIG = "connector.class";
    public static final String CONNECTOR_VERSION = "connector." + WorkerConfig.PLUGIN_VERSION_SUFFIX;
    public static final String TASKS_MAX_CONFIG = "tasks.max";
    public static final int TASKS_MAX_DEFAULT = 1;
    public static final String TASKS_MAX_ENFORCE_CONFIG = "tasks.max.enforce";
    public static final boolean TASKS_MAX_ENFORCE_DEFAULT = true;

    public static final String KEY_CONVERTER_CLASS_CONFIG = WorkerConfig.KEY_CONVERTER_CLASS_CONFIG;
    public static final String KEY_CONVERTER_VERSION_CONFIG = WorkerConfig.KEY_CONVERTER_VERSION;
    public static final String VALUE_CONVERTER_CLASS_CONFIG = WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG;
    public static final String VALUE_CONVERTER_VERSION_CONFIG = WorkerConfig.VALUE_CONVERTER_VERSION;
    public static final String HEADER_CONVERTER_CLASS_CONFIG = WorkerConfig.HEADER_CONVERTER_CLASS_CONFIG;
    public static final String HEADER_CONVERTER_VERSION_CONFIG = WorkerConfig.HEADER_CONVERTER_VERSION;

    public static final String TRANSFORMS_CONFIG = "transforms";
    public static final String TRANSFORMS_PREFIX = TRANSFORMS_CONFIG + ".";
    public static final String PREDICATES_CONFIG = "predicates";
    public static final String PREDICATES_PREFIX = PREDICATES_CONFIG + ".";

    public static final String CONFIG_RELOAD_ACTION_CONFIG = "config.action.reload";
    public static final String CONFIG_RELOAD_ACTION_NONE = "none";
    public static final String CONFIG_RELOAD_ACTION_RESTART = "restart";

    public static final String ERRORS_RETRY_TIMEOUT_CONFIG = "errors.retry.timeout";
    public static final long ERRORS_RETRY_TIMEOUT_DEFAULT = 0L;
    public static final String ERRORS_RETRY_MAX_DELAY_CONFIG = "errors.retry.delay.max.ms";
    public static final long ERRORS_RETRY_MAX_DELAY_DEFAULT = 60000L;
    public static final String ERRORS_TOLERANCE_CONFIG = "errors.tolerance";
    public static final ToleranceType ERRORS_TOLERANCE_DEFAULT = ToleranceType.NONE;
    public static final String ERRORS_LOG_ENABLE_CONFIG = "errors.log.enable";
    public static final String ERRORS_LOG_INCLUDE_MESSAGES_CONFIG = "errors.log.include.messages";

    public static final String CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX = "producer.override.";
    public static final String CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX = "consumer.override.";
    public static final String CONNECTOR_CLIENT_ADMIN_OVERRIDES_PREFIX = "admin.override.";

    /** The base connector definition, without plugin recommendations. */
    public static ConfigDef configDef() {
        return configDef(ConnectorPluginRecommenders.NONE);
    }

    /** The base connector definition, with recommenders the plugin layer provides for REST validation. */
    public static ConfigDef configDef(ConnectorPluginRecommenders recommenders) {
        int order = 0;
        return new ConfigDef()
            .define(NAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyStringWithoutControlChars(), Importance.HIGH,
                "Unique name of the connector within the Connect cluster.",
                COMMON_GROUP, ++order, Width.MEDIUM, "Connector name")
            .define(CONNECTOR_CLASS_CONFIG, Type.STRING, Importance.HIGH,
                "The connector's class: fully qualified name, simple name, or the name without the "
                    + "'Connector' suffix when that is unambiguous.",
                COMMON_GROUP, ++order, Width.LONG, "Connector class")
            .define(CONNECTOR_VERSION, Type.STRING, null, new PluginVersionValidator(), Importance.MEDIUM,
                "Required version (or version range) of the connector plugin; latest installed when unset.",
                COMMON_GROUP, ++order, Width.MEDIUM, "Connector version", recommenders.connectorVersion())
            .define(TASKS_MAX_CONFIG, Type.INT, TASKS_MAX_DEFAULT, ConfigDef.Range.atLeast(1), Importance.HIGH,
                "Upper bound on the number of tasks the connector may run.",
                COMMON_GROUP, ++order, Width.SHORT, "Tasks max")
            .define(TASKS_MAX_ENFORCE_CONFIG, Type.BOOLEAN, TASKS_MAX_ENFORCE_DEFAULT, Importance.LOW,
                "Whether a connector that asks for more tasks than tasks.max is failed (deprecated escape hatch "
                    + "when false).",
                COMMON_GROUP, ++order, Width.SHORT, "Enforce tasks max")
            .define(KEY_CONVERTER_CLASS_CONFIG, Type.CLASS, null, converterClassValidator(Converter.class),
                Importance.LOW, "Converter for record keys of this connector, replacing the worker's.",
                COMMON_GROUP, ++order, Width.SHORT, "Key converter class", recommenders.converterClass())
            .define(KEY_CONVERTER_VERSION_CONFIG, Type.STRING, null, new PluginVersionValidator(), Importance.LOW,
                "Required version (or range) of the key converter plugin.",
                COMMON_GROUP, ++order, Width.SHORT, "Key converter version", recommenders.keyConverterVersion())
            .define(VALUE_CONVERTER_CLASS_CONFIG, Type.CLASS, null, converterClassValidator(Converter.class),
                Importance.LOW, "Converter for record values of this connector, replacing the worker's.",
                COMMON_GROUP, ++order, Width.SHORT, "Value converter class", recommenders.converterClass())
            .define(VALUE_CONVERTER_VERSION_CONFIG, Type.STRING, null, new PluginVersionValidator(),
                Importance.LOW, "Required version (or range) of the value converter plugin.",
                COMMON_GROUP, ++order, Width.SHORT, "Value converter version", recommenders.valueConverterVersion())
            .define(HEADER_CONVERTER_CLASS_CONFIG, Type.CLASS, null, converterClassValidator(HeaderConverter.class),
                Importance.LOW, "Converter for record headers of this connector, replacing the worker's.",
                COMMON_GROUP, ++order, Width.SHORT, "Header converter class", recommenders.headerConverterClass())
            .define(HEADER_CONVERTER_VERSION_CONFIG, Type.STRING, null, new PluginVersionValidator(),
                Importance.LOW, "Required version (or range) of the header converter plugin.",
                COMMON_GROUP, ++order, Width.SHORT, "Header converter version",
                recommenders.headerConverterVersion())
            .define(TRANSFORMS_CONFIG, Type.LIST, "", UniqueAliasesValidator.nonNullUnique("transformation aliases"),
                Importance.LOW, "Aliases of the transformations applied to each record, in order.",
                TRANSFORMS_GROUP, ++order, Width.LONG, "Transforms")
            .define(PREDICATES_CONFIG, Type.LIST, "", UniqueAliasesValidator.nonNullUnique("predicate aliases"),
                Importance.LOW, "Aliases of the predicates transformations may be conditioned on.",
                PREDICATES_GROUP, ++order, Width.LONG, "Predicates")
            .define(CONFIG_RELOAD_ACTION_CONFIG, Type.STRING, CONFIG_RELOAD_ACTION_RESTART,
                ConfigDef.ValidString.in(CONFIG_RELOAD_ACTION_NONE, CONFIG_RELOAD_ACTION_RESTART), Importance.LOW,
                "What to do when a config provider reports that a value used by this connector changed.",
                COMMON_GROUP, ++order, Width.MEDIUM, "Reload Action")
            .define(ERRORS_RETRY_TIMEOUT_CONFIG, Type.LONG, ERRORS_RETRY_TIMEOUT_DEFAULT, Importance.MEDIUM,
                "How long a failing operation is retried, in milliseconds; 0 never retries, -1 retries forever.",
                ERROR_GROUP, 1, Width.MEDIUM, "Retry Timeout for Errors")
            .define(ERRORS_RETRY_MAX_DELAY_CONFIG, Type.LONG, ERRORS_RETRY_MAX_DELAY_DEFAULT, Importance.MEDIUM,
                "Longest pause between two retries of a failing operation, in milliseconds.",
                ERROR_GROUP, 2, Width.MEDIUM, "Maximum Delay Between Retries for Errors")
            .define(ERRORS_TOLERANCE_CONFIG, Type.STRING, ERRORS_TOLERANCE_DEFAULT.value(),
                ConfigDef.ValidString.in(ToleranceType.NONE.value(), ToleranceType.ALL.value()), Importance.MEDIUM,
                "'none' fails the task on the first record that cannot be processed; 'all' skips such records.",
                ERROR_GROUP, 3, Width.SHORT, "Error Tolerance")
            .define(ERRORS_LOG_ENABLE_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                "Whether failed operations and skipped records are written to the log.",
                ERROR_GROUP, 4, Width.SHORT, "Log Errors")
            .define(ERRORS_LOG_INCLUDE_MESSAGES_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                "Whether error log entries include the record itself (topic, partition, offset, key, value).",
                ERROR_GROUP, 5, Width.SHORT, "Log Error Details");
    }

    private static ConfigDef.Validator converterClassValidator(Class<?> type) {
        return ConfigDef.CompositeValidator.of(ConcreteSubclassValidator.forSuperClass(type),
            new InstantiableClassValidator());
    }

    public ConnectorConfig(Map<String, String> props) {
        this(configDef(), props);
    }

    public ConnectorConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props);
    }

    /** @param logValues false for configurations with resolved config provider values, which must not be logged */
    public ConnectorConfig(ConfigDef definition, Map<String, String> props, boolean logValues) {
        super(definition, props, logValues);
    }

    public String connectorName() {
        return getString(NAME_CONFIG);
    }

    public String connectorClass() {
        return getString(CONNECTOR_CLASS_CONFIG);
    }

    public int tasksMax() {
        return getInt(TASKS_MAX_CONFIG);
    }

    public boolean enforceTasksMax() {
        return getBoolean(TASKS_MAX_ENFORCE_CONFIG);
    }

    public List<String> transformAliases() {
        return getList(TRANSFORMS_CONFIG);
    }

    public List<String> predicateAliases() {
        return getList(PREDICATES_CONFIG);
    }

    public String configReloadAction() {
        return getString(CONFIG_RELOAD_ACTION_CONFIG);
    }

    public long errorRetryTimeout() {
        return getLong(ERRORS_RETRY_TIMEOUT_CONFIG);
    }

    public long errorMaxDelayInMillis() {
        return getLong(ERRORS_RETRY_MAX_DELAY_CONFIG);
    }

    public ToleranceType errorToleranceType() {
        return ToleranceType.valueOf(getString(ERRORS_TOLERANCE_CONFIG).toUpperCase(Locale.ROOT));
    }

    public boolean enableErrorLog() {
        return getBoolean(ERRORS_LOG_ENABLE_CONFIG);
    }

    public boolean includeRecordDetailsInErrorLog() {
        return getBoolean(ERRORS_LOG_INCLUDE_MESSAGES_CONFIG);
    }
}
