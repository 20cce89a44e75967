package io.tributary.connect.config;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;

/** Settings of source connectors: topic creation groups, exactly-once behaviour and a private offsets topic. */
public final class SourceConnectorConfig extends ConnectorConfig {

    public static final String TOPIC_CREATION_PREFIX = "topic.creation.";
    public static final String TOPIC_CREATION_GROUPS_CONFIG = TOPIC_CREATION_PREFIX + "groups";
    public static final String EXACTLY_ONCE_SUPPORT_CONFIG = "exactly.once.support";
    public static final String TRANSACTION_BOUNDARY_CONFIG = "transaction.boundary";
    public static final String TRANSACTION_BOUNDARY_INTERVAL_CONFIG = "transaction.boundary.interval.ms";
    public static final String OFFSETS_TOPIC_CONFIG = "offsets.storage.topic";

    private static final String TOPIC_CREATION_GROUP = "Topic Creation";
    private static final String EXACTLY_ONCE_SUPPORT_GROUP = "Exactly Once Support";
    private static final String OFFSETS_TOPIC_GROUP = "offsets.topic";

    public static ConfigDef configDef() {
        return configDef(ConnectorPluginRecommenders.NONE);
    }

    public static ConfigDef configDef(ConnectorPluginRecommenders recommenders) {
        return ConnectorConfig.configDef(recommenders)
            .define(TOPIC_CREATION_GROUPS_CONFIG, Type.LIST, "",
                UniqueAliasesValidator.nonNullUnique("topic creation groups"), Importance.LOW,
                "Groups of topic creation settings beyond 'default', each matching topics by include/exclude "
                    + "patterns under topic.creation.<group>.",
                TOPIC_CREATION_GROUP, 1, Width.LONG, "Topic Creation Groups")
            .define(EXACTLY_ONCE_SUPPORT_CONFIG, Type.STRING, ExactlyOnceSupportLevel.REQUESTED.toString(),
                ConfigDef.CaseInsensitiveValidString.in("REQUIRED", "REQUESTED"), Importance.MEDIUM,
                "'required' refuses the connector unless it declares exactly-once support; 'requested' runs it "
                    + "either way.",
                EXACTLY_ONCE_SUPPORT_GROUP, 2, Width.SHORT, "Exactly once support")
            .define(TRANSACTION_BOUNDARY_CONFIG, Type.STRING, TransactionBoundary.DEFAULT.toString(),
                ConfigDef.CaseInsensitiveValidString.in("INTERVAL", "POLL", "CONNECTOR"), Importance.MEDIUM,
                "When transactions of an exactly-once source task commit: after each poll, on an interval, "
                    + "or when the connector says.",
                EXACTLY_ONCE_SUPPORT_GROUP, 3, Width.SHORT, "Transaction Boundary")
            .define(TRANSACTION_BOUNDARY_INTERVAL_CONFIG, Type.LONG, null, nullOrAtLeastZero(),
                Importance.LOW, "Commit interval in milliseconds for the 'interval' transaction boundary; "
                    + "the worker's offset flush interval when unset.",
                EXACTLY_ONCE_SUPPORT_GROUP, 4, Width.SHORT, "Transaction boundary interval")
            .define(OFFSETS_TOPIC_CONFIG, Type.STRING, null, new ConfigDef.NonEmptyString(), Importance.LOW,
                "Topic that keeps this connector's source offsets instead of the worker's offsets topic.",
                OFFSETS_TOPIC_GROUP, 1, Width.LONG, "Offsets topic");
    }

    /** Unset means "use the worker's interval", so null passes; a set value must not be negative. */
    private static ConfigDef.Validator nullOrAtLeastZero() {
        ConfigDef.Range atLeastZero = ConfigDef.Range.atLeast(0);
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value != null) {
                atLeastZero.ensureValid(name, value);
            }
        }, atLeastZero::toString);
    }

    /** Whether the connector configuration asks for any topic creation settings. */
    public static boolean usesTopicCreation(Map<String, String> props) {
        return props.keySet().stream().anyMatch(key -> key.startsWith(TOPIC_CREATION_PREFIX));
    }

    public SourceConnectorConfig(Map<String, String> props) {
        this(configDef(), props);
    }

    public SourceConnectorConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props);
    }

    /** Parses without logging the values: for configurations whose config provider references are resolved. */
    public static SourceConnectorConfig withResolvedValues(Map<String, String> props) {
        return new SourceConnectorConfig(configDef(), props, false);
    }

    private SourceConnectorConfig(ConfigDef definition, Map<String, String> props, boolean logValues) {
        super(definition, props, logValues);
    }

    public List<String> topicCreationGroups() {
        return getList(TOPIC_CREATION_GROUPS_CONFIG);
    }

    public ExactlyOnceSupportLevel exactlyOnceSupport() {
        return ExactlyOnceSupportLevel.fromProperty(getString(EXACTLY_ONCE_SUPPORT_CONFIG));
    }

    public TransactionBoundary transactionBoundary() {
        return TransactionBoundary.fromProperty(getString(TRANSACTION_BOUNDARY_CONFIG));
    }

    /** The interval for the 'interval' boundary, or null to use the worker's offset flush interval. */
    public Long transactionBoundaryInterval() {
        return getLong(TRANSACTION_BOUNDARY_INTERVAL_CONFIG);
    }

    /** The connector's own offsets topic, or null to use the worker's. */
    public String offsetsTopic() {
        return getString(OFFSETS_TOPIC_CONFIG);
    }
}
