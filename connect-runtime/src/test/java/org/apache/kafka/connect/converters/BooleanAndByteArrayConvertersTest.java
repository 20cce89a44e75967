package org.apache.kafka.connect.converters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class BooleanAndByteArrayConvertersTest {

    @Test
    void booleansTakeOneByte() {
        BooleanConverter converter = new BooleanConverter();
        converter.configure(Map.of(), false);

        assertThat(converter.fromConnectData("t", Schema.BOOLEAN_SCHEMA, true)).containsExactly(1);
        assertThat(converter.toConnectData("t", new byte[] {0}))
                .isEqualTo(new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, false));
    }

    @Test
    void booleanConverterRejectsOtherSchemasAndUnreadableBytes() {
        BooleanConverter converter = new BooleanConverter();
        converter.configure(Map.of(), true);

        assertThatThrownBy(() -> converter.fromConnectData("t", Schema.INT8_SCHEMA, true))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> converter.toConnectData("t", new byte[] {1, 1}))
                .isInstanceOf(DataException.class);
    }

    @Test
    void byteArraysPassThroughUnchanged() {
        ByteArrayConverter converter = new ByteArrayConverter();
        byte[] bytes = {1, 2};

        assertThat(converter.fromConnectData("t", Schema.BYTES_SCHEMA, bytes)).isSameAs(bytes);
        assertThat(converter.toConnectHeader("t", "h", bytes).schema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
    }

    @Test
    void byteBuffersAreReadFromTheirStartUpToTheirLimit() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
        buffer.position(2).limit(3);

        assertThat(new ByteArrayConverter().fromConnectData("t", null, buffer)).containsExactly(1, 2, 3);
    }

    @Test
    void byteArrayConverterRejectsOtherSchemasAndValues() {
        ByteArrayConverter converter = new ByteArrayConverter();

        assertThatThrownBy(() -> converter.fromConnectData("t", Schema.STRING_SCHEMA, new byte[0]))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> converter.fromConnectData("t", null, "text"))
                .isInstanceOf(DataException.class);
    }
}
