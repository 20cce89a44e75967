package io.tributary.connect.rest.resources;

import io.tributary.connect.herder.BadRequestException;

import java.util.stream.Collectors;

/**
 * Refuses connector names no worker could manage: empty, or with control characters (they break
 * logs, URLs and file names). Messages use Kafka Connect's config validation wording. Length is not
 * limited, as in Kafka Connect 4.1.1, which accepts names of any length.
 */
final class ConnectorNames {

    private ConnectorNames() {
    }

    static void validate(String name) {
        if (name == null || name.isEmpty()) {
            throw invalid("", "String may not be empty");
        }
        String controls = name.chars().filter(Character::isISOControl)
                .mapToObj(Integer::toString).collect(Collectors.joining(", "));
        if (!controls.isEmpty()) {
            throw invalid(name, "String may not contain control sequences but had the following ASCII chars: " + controls);
        }
    }

    private static BadRequestException invalid(String value, String problem) {
        return new BadRequestException("Connector configuration is invalid and contains the following 1 error(s):\n"
                + "Invalid value " + value + " for configuration name: " + problem + "\n"
                + "You can also find the above list of errors at the endpoint "
                + "`/connector-plugins/{connectorType}/config/validate`");
    }
}
