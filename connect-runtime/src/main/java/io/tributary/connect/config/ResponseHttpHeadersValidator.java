package io.tributary.connect.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Checks response.http.headers.config parses into header rules. */
final class ResponseHttpHeadersValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        try {
            ResponseHeaderRule.parseAll(value.toString());
        } catch (ConfigException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "Comma-separated header rules, where each header rule is of the form "
            + "'[action] [header name]:[header value]' and optionally surrounded by double quotes "
            + "if any part of a header rule contains a comma";
    }
}
