package org.apache.kafka.connect.transforms.util;

import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a setting only when it compiles as a Java regular expression. */
public class RegexValidator implements ConfigDef.Validator {

    public RegexValidator() {
    }

    @Override
    public void ensureValid(String name, Object value) {
        try {
            Pattern.compile((String) value);
        } catch (RuntimeException e) {
            throw new ConfigException(name, value, "Invalid regex: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "valid regex";
    }
}
