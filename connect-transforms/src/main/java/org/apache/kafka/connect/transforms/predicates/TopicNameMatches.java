package org.apache.kafka.connect.transforms.predicates;

import java.util.Map;
import java.util.regex.Pattern;

import io.tributary.connect.transforms.TransformsVersion;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.util.RegexValidator;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** Matches records whose whole topic name matches a regular expression. */
public class TopicNameMatches<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Matches records whose topic name matches the configured regular expression.";

    private static final String PATTERN_CONFIG = "pattern";

    public static final ConfigDef CONFIG_DEF = new ConfigDef().define(PATTERN_CONFIG, ConfigDef.Type.STRING,
            ConfigDef.NO_DEFAULT_VALUE,
            ConfigDef.CompositeValidator.of(new ConfigDef.NonEmptyString(), new RegexValidator()),
            ConfigDef.Importance.MEDIUM, "Java regular expression the complete topic name must match.");

    private Pattern pattern;

    @Override
    public String version() {
        return TransformsVersion.get();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public boolean test(R record) {
        return record.topic() != null && pattern.matcher(record.topic()).matches();
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        pattern = Pattern.compile(new SimpleConfig(CONFIG_DEF, configs).getString(PATTERN_CONFIG));
    }

    @Override
    public String toString() {
        return "TopicNameMatches{pattern=" + pattern + "}";
    }
}
