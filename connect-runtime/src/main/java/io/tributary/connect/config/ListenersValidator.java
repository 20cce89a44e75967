package io.tributary.connect.config;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Checks a list of listener URLs has no blank entries and, for the main listeners, at least one entry. */
final class ListenersValidator implements ConfigDef.Validator {

    private final boolean atLeastOne;

    private ListenersValidator(boolean atLeastOne) {
        this.atLeastOne = atLeastOne;
    }

    static ListenersValidator requiringOne() {
        return new ListenersValidator(true);
    }

    static ListenersValidator optional() {
        return new ListenersValidator(false);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            if (atLeastOne) {
                throw new ConfigException(name, null, "at least one listener URL is required");
            }
            return;
        }
        List<?> urls = (List<?>) value;
        if (atLeastOne && urls.isEmpty()) {
            throw new ConfigException("Invalid value for " + name
                + ": at least one listener URL is required, e.g. http://localhost:8083");
        }
        for (Object url : urls) {
            if (url == null || url.toString().isBlank()) {
                throw new ConfigException("Invalid value for " + name + ": it contains an empty URL");
            }
        }
    }

    @Override
    public String toString() {
        return "List of comma-separated URLs, ex: http://localhost:8080,https://localhost:8443.";
    }
}
