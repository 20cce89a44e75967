package io.tributary.connect.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts a plugin version requirement: a plain version ("1.2", a preference) or one or more Maven-style
 * ranges such as "[1.0,2.0)" or "[1.0,2.0),[3.0,)". Which installed plugin satisfies it is decided later,
 * by the plugin loader; here only the syntax is checked.
 */
final class PluginVersionValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        String problem = VersionRangeSyntax.problemWith(value.toString().trim());
        if (problem != null) {
            throw new ConfigException(name, value, problem);
        }
    }
}
