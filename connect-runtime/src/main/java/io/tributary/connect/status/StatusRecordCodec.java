package io.tributary.connect.status;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.errors.DataException;

/**
 * Keys and values of the status topic in Apache Kafka Connect's format (see
 * test resources reference/connect-internal-topics.md), so workers of either runtime read each other's statuses.
 */
final class StatusRecordCodec {

    static final String CONNECTOR_PREFIX = "status-connector-";
    static final String TASK_PREFIX = "status-task-";
    static final String TOPIC_PREFIX = "status-topic-";
    private static final String TOPIC_CONNECTOR_SEPARATOR = ":connector-";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parsed status-topic key: exactly one of the three kinds of subject. */
    sealed interface Key permits ConnectorKey, TaskKey, TopicKey {
    }

    record ConnectorKey(String connector) implements Key {
    }

    record TaskKey(ConnectorTaskId id) implements Key {
    }

    record TopicKey(String connector, String topic) implements Key {
    }

    private StatusRecordCodec() {
    }

    static String connectorKey(String connector) {
        return CONNECTOR_PREFIX + connector;
    }

    static String taskKey(ConnectorTaskId id) {
        return TASK_PREFIX + id.connector() + "-" + id.task();
    }

    static String topicKey(String connector, String topic) {
        return TOPIC_PREFIX + topic + TOPIC_CONNECTOR_SEPARATOR + connector;
    }

    /** The subject of a key, or null for keys this runtime does not know. */
    static Key parseKey(String key) {
        if (key.startsWith(CONNECTOR_PREFIX)) {
            return new ConnectorKey(key.substring(CONNECTOR_PREFIX.length()));
        }
        if (key.startsWith(TASK_PREFIX)) {
            String rest = key.substring(TASK_PREFIX.length());
            // Connector names may contain dashes; the task number follows the last one.
            int dash = rest.lastIndexOf('-');
            if (dash <= 0) {
                return null;
            }
            try {
                return new TaskKey(new ConnectorTaskId(rest.substring(0, dash), Integer.parseInt(rest.substring(dash + 1))));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (key.startsWith(TOPIC_PREFIX)) {
            String rest = key.substring(TOPIC_PREFIX.length());
            // Topic names cannot contain ':', so the first separator is the real one.
            int separator = rest.indexOf(TOPIC_CONNECTOR_SEPARATOR);
            if (separator <= 0) {
                return null;
            }
            return new TopicKey(rest.substring(separator + TOPIC_CONNECTOR_SEPARATOR.length()), rest.substring(0, separator));
        }
        return null;
    }

    static byte[] encode(ConnectorStatus status) {
        return encodeState(status.state(), status.trace(), status.workerId(), status.generation(), status.version());
    }

    static byte[] encode(TaskStatus status) {
        return encodeState(status.state(), status.trace(), status.workerId(), status.generation(), status.version());
    }

    static byte[] encode(TopicStatus status) {
        Map<String, Object> topic = new LinkedHashMap<>();
        topic.put("name", status.topic());
        topic.put("connector", status.connector());
        topic.put("task", status.task());
        topic.put("discoverTimestamp", status.discoverTimestamp());
        return write(Map.of("topic", topic));
    }

    static ConnectorStatus decodeConnector(String connector, byte[] value) {
        JsonNode node = read(value);
        return new ConnectorStatus(connector, state(node), text(node, "trace"), text(node, "worker_id"),
                node.path("generation").asInt(), text(node, "version"));
    }

    static TaskStatus decodeTask(ConnectorTaskId id, byte[] value) {
        JsonNode node = read(value);
        return new TaskStatus(id, state(node), text(node, "trace"), text(node, "worker_id"),
                node.path("generation").asInt(), text(node, "version"));
    }

    static TopicStatus decodeTopic(byte[] value) {
        JsonNode topic = read(value).path("topic");
        if (!topic.isObject()) {
            throw new DataException("Topic status without a 'topic' object");
        }
        return new TopicStatus(text(topic, "name"), text(topic, "connector"), topic.path("task").asInt(),
                topic.path("discoverTimestamp").asLong());
    }

    private static byte[] encodeState(State state, String trace, String workerId, int generation, String version) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("state", state.name());
        value.put("trace", trace);
        value.put("worker_id", workerId);
        value.put("generation", generation);
        value.put("version", version);
        return write(value);
    }

    private static State state(JsonNode node) {
        String state = text(node, "state");
        if (state == null) {
            throw new DataException("Status without a state");
        }
        try {
            return State.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new DataException("Unknown status state " + state);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode read(byte[] value) {
        try {
            JsonNode node = JSON.readTree(new String(value, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new DataException("Status value is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new DataException("Status value is not valid JSON", e);
        }
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new DataException("Could not encode a status", e);
        }
    }
}
