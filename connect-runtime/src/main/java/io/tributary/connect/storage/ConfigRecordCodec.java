package io.tributary.connect.storage;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.errors.DataException;

/**
 * Keys and values of the config topic exactly as Apache Kafka Connect writes them (compact JSON, see
 * test resources reference/connect-internal-topics.md), so a cluster of either runtime can read the other's topic.
 */
public final class ConfigRecordCodec {

    static final String CONNECTOR = "connector-";
    static final String TASK = "task-";
    static final String COMMIT = "commit-";
    static final String TARGET_STATE = "target-state-";
    static final String SESSION_KEY = "session-key";
    static final String RESTART = "restart-connector-";
    static final String TASK_COUNT = "tasks-fencing-";
    static final String LOGGER = "logger-cluster-";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigRecordCodec() {
    }

    /** A record to write: the key and value bytes (null value = tombstone). */
    public record Encoded(String key, byte[] value) {
    }

    public static Encoded encode(ConfigRecord record) {
        if (record instanceof ConfigRecord.ConnectorConfig r) {
            return new Encoded(CONNECTOR + r.connector(), r.properties() == null ? null : properties(r.properties()));
        }
        if (record instanceof ConfigRecord.TaskConfig r) {
            return new Encoded(TASK + r.id().connector() + "-" + r.id().task(),
                    r.properties() == null ? null : properties(r.properties()));
        }
        if (record instanceof ConfigRecord.TaskCommit r) {
            return new Encoded(COMMIT + r.connector(), write(Map.of("tasks", r.tasks())));
        }
        if (record instanceof ConfigRecord.TargetStateChange r) {
            return new Encoded(TARGET_STATE + r.connector(), r.state() == null ? null : targetState(r.state()));
        }
        if (record instanceof ConfigRecord.SessionKeyChange r) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("key", Base64.getEncoder().encodeToString(r.key().key().getEncoded()));
            value.put("algorithm", r.key().key().getAlgorithm());
            value.put("creation-timestamp", r.key().creationTimestamp());
            return new Encoded(SESSION_KEY, write(value));
        }
        if (record instanceof ConfigRecord.Restart r) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("include-tasks", r.request().includeTasks());
            value.put("only-failed", r.request().onlyFailed());
            return new Encoded(RESTART + r.request().connectorName(), write(value));
        }
        if (record instanceof ConfigRecord.TaskCountRecord r) {
            return new Encoded(TASK_COUNT + r.connector(), write(Map.of("task-count", r.taskCount())));
        }
        ConfigRecord.LoggerLevel r = (ConfigRecord.LoggerLevel) record;
        return new Encoded(LOGGER + r.namespace(), write(Map.of("level", r.level())));
    }

    /**
     * The record a key and value stand for; null for keys this runtime does not know (a newer worker's),
     * and for tombstones of kinds that cannot be deleted.
     *
     * @throws DataException when a known kind of record holds a value that cannot be read
     */
    public static ConfigRecord decode(String key, byte[] value) {
        if (key.startsWith(CONNECTOR)) {
            String connector = key.substring(CONNECTOR.length());
            return new ConfigRecord.ConnectorConfig(connector, value == null ? null : properties(read(value)));
        }
        if (key.startsWith(TASK_COUNT)) {
            return value == null ? null
                    : new ConfigRecord.TaskCountRecord(key.substring(TASK_COUNT.length()), intField(read(value), "task-count"));
        }
        if (key.startsWith(TASK)) {
            ConnectorTaskId id = taskId(key.substring(TASK.length()));
            return id == null ? null : new ConfigRecord.TaskConfig(id, value == null ? null : properties(read(value)));
        }
        if (key.startsWith(COMMIT)) {
            return value == null ? null
                    : new ConfigRecord.TaskCommit(key.substring(COMMIT.length()), intField(read(value), "tasks"));
        }
        if (key.startsWith(TARGET_STATE)) {
            String connector = key.substring(TARGET_STATE.length());
            return new ConfigRecord.TargetStateChange(connector, value == null ? null : targetState(read(value)));
        }
        if (key.equals(SESSION_KEY)) {
            return value == null ? null : new ConfigRecord.SessionKeyChange(sessionKey(read(value)));
        }
        if (key.startsWith(RESTART)) {
            if (value == null) {
                return null;
            }
            JsonNode node = read(value);
            // Both flags default to false when absent, as a plain restart would be.
            return new ConfigRecord.Restart(new RestartRequest(key.substring(RESTART.length()),
                    node.path("only-failed").asBoolean(false), node.path("include-tasks").asBoolean(false)));
        }
        if (key.startsWith(LOGGER)) {
            return value == null ? null
                    : new ConfigRecord.LoggerLevel(key.substring(LOGGER.length()), read(value).path("level").asText(null));
        }
        return null;
    }

    // Old workers understand only "state" (STARTED/PAUSED), so STOPPED is announced to them as PAUSED.
    private static byte[] targetState(TargetState state) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("state", state == TargetState.STOPPED ? TargetState.PAUSED.name() : state.name());
        value.put("state.v2", state.name());
        return write(value);
    }

    private static TargetState targetState(JsonNode node) {
        String name = node.hasNonNull("state.v2") ? node.get("state.v2").asText() : node.path("state").asText(null);
        if (name == null) {
            throw new DataException("Target state record without a state");
        }
        try {
            return TargetState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new DataException("Unknown target state " + name);
        }
    }

    private static SessionKey sessionKey(JsonNode node) {
        String key = node.path("key").asText(null);
        String algorithm = node.path("algorithm").asText(null);
        if (key == null || algorithm == null || !node.has("creation-timestamp")) {
            throw new DataException("Session key record lacks key, algorithm or creation-timestamp");
        }
        try {
            return new SessionKey(new SecretKeySpec(Base64.getDecoder().decode(key), algorithm),
                    node.get("creation-timestamp").asLong());
        } catch (IllegalArgumentException e) {
            throw new DataException("Session key is not valid base64", e);
        }
    }

    private static ConnectorTaskId taskId(String connectorAndTask) {
        // Connector names may contain dashes; the task number follows the last one.
        int dash = connectorAndTask.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            return new ConnectorTaskId(connectorAndTask.substring(0, dash),
                    Integer.parseInt(connectorAndTask.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] properties(Map<String, String> properties) {
        return write(Map.of("properties", properties));
    }

    private static Map<String, String> properties(JsonNode node) {
        JsonNode properties = node.get("properties");
        if (properties == null || !properties.isObject()) {
            throw new DataException("Config record without a 'properties' object");
        }
        Map<String, String> result = new LinkedHashMap<>();
        properties.fields().forEachRemaining(field ->
                result.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText()));
        return result;
    }

    private static int intField(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new DataException("Config record without an integer '" + field + "'");
        }
        return value.asInt();
    }

    private static JsonNode read(byte[] value) {
        try {
            JsonNode node = JSON.readTree(new String(value, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new DataException("Config record value is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new DataException("Config record value is not valid JSON", e);
        }
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new DataException("Could not encode a config record", e);
        }
    }
}
