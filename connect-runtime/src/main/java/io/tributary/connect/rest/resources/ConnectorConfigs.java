package io.tributary.connect.rest.resources;

import io.tributary.connect.herder.BadRequestException;
import io.tributary.connect.model.TargetState;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Checks on connector configs and creation options in request bodies, before the herder sees them. */
final class ConnectorConfigs {

    private ConnectorConfigs() {
    }

    /** A mutable copy in request order; a null config or a null value is a mistake the user can fix. */
    static Map<String, String> requireComplete(Map<String, String> config, String what) {
        if (config == null) {
            throw new BadRequestException("Request body has no " + what
                    + ": expected a JSON object of connector configuration properties");
        }
        config.forEach((key, value) -> {
            if (value == null) {
                throw new BadRequestException("Connector configuration property \"" + key
                        + "\" is null: give it a value or leave it out");
            }
        });
        return new LinkedHashMap<>(config);
    }

    /** The config must name the connector it configures, or not name it at all (then it is filled in). */
    static Map<String, String> withName(String connector, Map<String, String> config) {
        if (config.containsKey("name") && !connector.equals(config.get("name"))) {
            throw nameMismatch(connector, config.get("name"));
        }
        config.put("name", connector);
        return config;
    }

    static BadRequestException nameMismatch(String connector, String configured) {
        return new BadRequestException("Connector name configuration (" + configured
                + ") doesn't match connector name in the URL (" + connector + ")");
    }

    /** initial_state of POST /connectors: RUNNING (the default), PAUSED or STOPPED. */
    static TargetState initialState(String requested) {
        if (requested == null) {
            return TargetState.STARTED;
        }
        return switch (requested.toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> TargetState.STARTED;
            case "PAUSED" -> TargetState.PAUSED;
            case "STOPPED" -> TargetState.STOPPED;
            default -> throw new BadRequestException("Invalid initial_state '" + requested
                    + "': it must be one of RUNNING, PAUSED or STOPPED");
        };
    }
}
