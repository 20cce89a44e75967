package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class InsertHeaderTest {

    private final InsertHeader<SourceRecord> transform = new InsertHeader<>();

    @Test
    void addsTheLiteralWithTheSchemaInferredFromIt() {
        transform.configure(Map.of("header", "h", "value.literal", "42"));

        Header header = transform.apply(Records.onTopic("t")).headers().lastWithName("h");

        assertThat(header.schema().type()).isEqualTo(Schema.Type.INT8);
        assertThat(header.value()).isEqualTo((byte) 42);
    }

    @Test
    void keepsExistingHeadersOfTheSameNameAndLeavesTheInputRecordAlone() {
        transform.configure(Map.of("header", "h", "value.literal", "new"));
        SourceRecord input = Records.onTopic("t");
        input.headers().addString("h", "old");

        SourceRecord output = transform.apply(input);

        assertThat(output.headers().allWithName("h")).toIterable().extracting(Header::value)
                .containsExactly("old", "new");
        assertThat(input.headers().size()).isEqualTo(1);
    }

    @Test
    void requiresBothHeaderNameAndValue() {
        assertThatThrownBy(() -> transform.configure(Map.of("header", "h"))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> transform.configure(Map.of("value.literal", "v")))
                .isInstanceOf(ConfigException.class);
    }
}
