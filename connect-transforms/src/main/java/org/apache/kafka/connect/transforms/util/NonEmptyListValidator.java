package org.apache.kafka.connect.transforms.util;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a list setting only when it names at least one element. */
public class NonEmptyListValidator implements ConfigDef.Validator {

    public NonEmptyListValidator() {
    }

    @Override
    public void ensureValid(String name, Object value) {
        // A value of another type is a programming error and fails with ClassCastException.
        List<?> list = (List<?>) value;
        if (list == null || list.isEmpty()) {
            throw new ConfigException(name, value, "Empty list");
        }
    }

    @Override
    public String toString() {
        return "non-empty list";
    }
}
