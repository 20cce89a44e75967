package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {

    @Test
    void envelopeHoldsSchemaThenPayload() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        assertThat(JsonSchema.envelope(nodes.textNode("s"), nodes.numberNode(1)).toString())
                .isEqualTo("{\"schema\":\"s\",\"payload\":1}");
    }

    @Test
    void envelopeWritesJavaNullsAsJsonNulls() {
        assertThat(JsonSchema.envelope(null, null).toString()).isEqualTo("{\"schema\":null,\"payload\":null}");
    }

    @Test
    void everySchemaTypeHasAJsonNameThatMapsBack() {
        for (Schema.Type type : Schema.Type.values()) {
            assertThat(SchemaTypeNames.typeOf(SchemaTypeNames.nameOf(type))).isEqualTo(type);
        }
    }

    @Test
    void floatingTypesUseShortJsonNames() {
        assertThat(SchemaTypeNames.nameOf(Schema.Type.FLOAT32)).isEqualTo("float");
        assertThat(SchemaTypeNames.nameOf(Schema.Type.FLOAT64)).isEqualTo("double");
    }
}
