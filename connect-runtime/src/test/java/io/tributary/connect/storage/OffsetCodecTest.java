package io.tributary.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class OffsetCodecTest {

    private final OffsetCodec codec = new OffsetCodec();

    @Test
    void keyIsConnectorAndPartitionAsCompactJsonArray() {
        ByteBuffer key = codec.key("local-file-source", Map.of("filename", "/tmp/ref/in.txt"));

        assertThat(text(key)).isEqualTo("[\"local-file-source\",{\"filename\":\"/tmp/ref/in.txt\"}]");
    }

    @Test
    void valueIsOffsetAsCompactJsonObject() {
        assertThat(text(codec.value(Map.of("position", 35L)))).isEqualTo("{\"position\":35}");
    }

    @Test
    void keysAndValuesEqualTheBytesApacheWrote() {
        Map<ByteBuffer, ByteBuffer> apache = FileOffsetBackingStore.read(ReferenceFiles.apacheOffsets());

        ByteBuffer key = codec.key("local-file-source", Map.of("filename", "/tmp/ref/in.txt"));
        assertThat(apache).containsKey(key);
        assertThat(apache.get(key)).isEqualTo(codec.value(Map.of("position", 35L)));
    }

    @Test
    void storedIntegersReadBackAsLongs() {
        Map<String, Object> offset = codec.offset(codec.value(Map.of("position", 35)));

        assertThat(offset).containsEntry("position", 35L);
    }

    @Test
    void nullOffsetHasNoBytes() {
        assertThat(codec.value(null)).isNull();
    }

    @Test
    void storedKeyIsTakenApart() {
        OffsetCodec.Key key = codec.parseKey(codec.key("c", Map.of("p", 1L)));

        assertThat(key).isEqualTo(new OffsetCodec.Key("c", Map.of("p", 1L)));
    }

    @Test
    void nonPrimitivePartitionValuesAreRejected() {
        assertThatThrownBy(() -> codec.key("c", Map.of("p", List.of(1))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("field p");
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
