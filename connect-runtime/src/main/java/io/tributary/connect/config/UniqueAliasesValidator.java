package io.tributary.connect.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Rejects a list (of transform, predicate or topic creation group aliases) that names one alias twice. */
final class UniqueAliasesValidator implements ConfigDef.Validator {

    private final String description;

    /** @param description what the list holds, e.g. "transformation aliases" */
    UniqueAliasesValidator(String description) {
        this.description = description;
    }

    /** The usual validator of an alias list: present (possibly empty) and without duplicates. */
    static ConfigDef.Validator nonNullUnique(String description) {
        return ConfigDef.CompositeValidator.of(new ConfigDef.NonNullValidator(), new UniqueAliasesValidator(description));
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        Set<Object> seen = new HashSet<>();
        for (Object alias : (List<?>) value) {
            if (!seen.add(alias)) {
                throw new ConfigException(name, value, "alias '" + alias + "' is listed more than once");
            }
        }
    }

    @Override
    public String toString() {
        return "unique " + description;
    }
}
