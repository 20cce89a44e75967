package org.apache.kafka.connect.json;

import java.util.Collections;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Parses JSON bytes into a Jackson tree; empty input gives a missing node. */
public class JsonDeserializer implements Deserializer<JsonNode> {

    private final ObjectMapper mapper;

    public JsonDeserializer() {
        this(Collections.emptySet(), JsonNodeFactory.instance, true);
    }

    JsonDeserializer(Set<DeserializationFeature> features, JsonNodeFactory nodeFactory, boolean enableBlackbird) {
        this.mapper = JsonMappers.forReading(features, nodeFactory, enableBlackbird);
    }

    /** The mapper behind this deserializer, for readers that must parse exactly as it does. */
    ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public JsonNode deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return mapper.readTree(bytes);
        } catch (Exception e) {
            throw new SerializationException(e);
        }
    }
}
