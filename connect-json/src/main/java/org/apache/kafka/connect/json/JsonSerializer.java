package org.apache.kafka.connect.json;

import java.util.Collections;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a Jackson tree as UTF-8 JSON bytes. */
public class JsonSerializer implements Serializer<JsonNode> {

    private final ObjectMapper mapper;

    public JsonSerializer() {
        this(Collections.emptySet(), true);
    }

    JsonSerializer(Set<SerializationFeature> features, boolean enableBlackbird) {
        this.mapper = JsonMappers.forWriting(features, enableBlackbird);
    }

    @Override
    public byte[] serialize(String topic, JsonNode data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (Exception e) {
            throw new SerializationException("Could not write JSON tree as bytes", e);
        }
    }
}
