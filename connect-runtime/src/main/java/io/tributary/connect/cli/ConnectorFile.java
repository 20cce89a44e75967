package io.tributary.connect.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.model.TargetState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One connector given on the standalone command line: a .properties file holding the config, or a
 * .json file holding the same body POST /connectors takes ({@code name}, {@code config},
 * {@code initial_state}), as Apache Kafka Connect accepts both.
 */
record ConnectorFile(Path file, String name, Map<String, String> config, TargetState initialState) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static ConnectorFile read(Path file) {
        try {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? fromJson(file)
                    : fromProperties(file);
        } catch (JsonProcessingException e) {
            throw StartupException.connector("Connector file " + file + " is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw StartupException.connector("Could not read connector file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ConnectorFile fromProperties(Path file) throws IOException {
        Map<String, String> config = PropertiesFile.read(file);
        return new ConnectorFile(file, config.get("name"), config, null);
    }

    private static ConnectorFile fromJson(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw StartupException.connector("Connector file " + file
                    + " must hold a JSON object with \"name\" and \"config\", as POST /connectors takes", null);
        }
        JsonNode configNode = root.get("config");
        if (configNode == null || !configNode.isObject()) {
            throw StartupException.connector("Connector file " + file + " has no \"config\" object", null);
        }
        Map<String, String> config = new LinkedHashMap<>();
        configNode.fields().forEachRemaining(entry ->
                config.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText()));
        String name = root.hasNonNull("name") ? root.get("name").asText() : config.get("name");
        return new ConnectorFile(file, name, config, initialState(file, root.get("initial_state")));
    }

    private static TargetState initialState(Path file, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (node.asText().toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> TargetState.STARTED;
            case "PAUSED" -> TargetState.PAUSED;
            case "STOPPED" -> TargetState.STOPPED;
            default -> throw StartupException.connector("Connector file " + file + " has initial_state \""
                    + node.asText() + "\"; it must be one of RUNNING, PAUSED, STOPPED", null);
        };
    }
}
