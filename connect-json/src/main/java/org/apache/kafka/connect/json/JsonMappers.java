package org.apache.kafka.connect.json;

import java.util.Set;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/** Builds the Jackson mappers behind {@link JsonSerializer} and {@link JsonDeserializer}. */
final class JsonMappers {

    /** Keeps BigDecimal scale (1.10 stays 1.10) instead of normalising it. */
    static final JsonNodeFactory EXACT_DECIMALS = JsonNodeFactory.withExactBigDecimals(true);

    private JsonMappers() {
    }

    static ObjectMapper forWriting(Set<SerializationFeature> features, boolean enableBlackbird) {
        ObjectMapper mapper = base(JsonMapper.builder(), enableBlackbird);
        features.forEach(feature -> mapper.enable(feature));
        return mapper;
    }

    static ObjectMapper forReading(Set<DeserializationFeature> features, JsonNodeFactory nodeFactory,
                                   boolean enableBlackbird) {
        // Numbers such as 007 are accepted on read (KAFKA-15012), nothing else beyond strict JSON.
        JsonMapper.Builder builder = JsonMapper.builder().enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS);
        ObjectMapper mapper = base(builder, enableBlackbird);
        features.forEach(feature -> mapper.enable(feature));
        mapper.setNodeFactory(nodeFactory);
        return mapper;
    }

    private static ObjectMapper base(JsonMapper.Builder builder, boolean enableBlackbird) {
        ObjectMapper mapper = builder.build();
        if (enableBlackbird) {
            mapper.registerModule(new BlackbirdModule());
        }
        return mapper;
    }
}
