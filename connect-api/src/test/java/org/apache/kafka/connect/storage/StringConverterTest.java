package org.apache.kafka.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.junit.jupiter.api.Test;

class StringConverterTest {

    private static final byte[] UTF16_A = {(byte) 0xFE, (byte) 0xFF, 0, 'A'};

    private final StringConverter converter = new StringConverter();

    @Test
    void worksUnconfiguredWithUtf8() {
        assertThat(converter.fromConnectData("t", null, "héllo")).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(converter.toConnectData("t", "héllo".getBytes(StandardCharsets.UTF_8)).value()).isEqualTo("héllo");
    }

    @Test
    void readsBytesAsOptionalStrings() {
        SchemaAndValue result = converter.toConnectData("t", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(result.schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(result.value()).isEqualTo("x");
    }

    @Test
    void readsNullAsANullOptionalString() {
        SchemaAndValue result = converter.toConnectData("t", null);
        assertThat(result.schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(result.value()).isNull();
    }

    @Test
    void writesNullAsNull() {
        assertThat(converter.fromConnectData("t", Schema.OPTIONAL_STRING_SCHEMA, null)).isNull();
    }

    @Test
    void writesOtherValuesByTheirStringForm() {
        assertThat(converter.fromConnectData("t", Schema.INT32_SCHEMA, 42)).isEqualTo("42".getBytes());
    }

    @Test
    void encodingIsConfigurable() {
        converter.configure(Map.of(StringConverterConfig.ENCODING_CONFIG, "UTF-16"), true);
        assertThat(converter.fromConnectData("t", null, "A")).isEqualTo(UTF16_A);
        assertThat(converter.toConnectData("t", UTF16_A).value()).isEqualTo("A");
    }

    @Test
    void serializerEncodingKeysInTheConfigAreIgnored() {
        converter.configure(Map.of("serializer.encoding", "UTF-16", "key.converter.encoding", "UTF-16"), true);
        assertThat(converter.fromConnectData("t", null, "A")).isEqualTo(new byte[] {'A'});
    }

    @Test
    void unknownEncodingFailsAtConfigure() {
        assertThatThrownBy(() -> converter.configure(Map.of(StringConverterConfig.ENCODING_CONFIG, "nope"), false))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void headerConverterConfigureNeedsAType() {
        assertThatThrownBy(() -> converter.configure(Map.of())).isInstanceOf(ConfigException.class);
    }

    @Test
    void headerConverterConfigureAcceptsTheHeaderType() {
        converter.configure(Map.of(ConverterConfig.TYPE_CONFIG, "header", StringConverterConfig.ENCODING_CONFIG, "UTF-16"));
        assertThat(converter.fromConnectHeader("t", "h", null, "A")).isEqualTo(UTF16_A);
    }

    @Test
    void isKeyOverridesAGivenType() {
        converter.configure(Map.of(ConverterConfig.TYPE_CONFIG, "bogus"), false);
        assertThat(converter.fromConnectData("t", null, "A")).isEqualTo(new byte[] {'A'});
    }

    @Test
    void configureDoesNotModifyTheGivenMap() {
        Map<String, Object> configs = new java.util.HashMap<>();
        converter.configure(configs, true);
        assertThat(configs).isEmpty();
    }

    @Test
    void headersRoundTrip() {
        byte[] bytes = converter.fromConnectHeader("t", "h", Schema.STRING_SCHEMA, "v");
        assertThat(converter.toConnectHeader("t", "h", bytes).value()).isEqualTo("v");
    }

    @Test
    void kafkaHeadersAreIgnored() {
        assertThat(converter.fromConnectData("t", new RecordHeaders(), null, "x")).isEqualTo(new byte[] {'x'});
        assertThat(converter.toConnectData("t", new RecordHeaders(), new byte[] {'x'}).value()).isEqualTo("x");
    }

    @Test
    void configDefIsTheStringConverterConfigDef() {
        assertThat(converter.config()).isSameAs(StringConverterConfig.configDef());
        assertThat(converter.config().names())
                .containsExactlyInAnyOrder(ConverterConfig.TYPE_CONFIG, StringConverterConfig.ENCODING_CONFIG);
    }

    @Test
    void versionIsTheKafkaVersion() {
        assertThat(converter.version()).isEqualTo(AppInfoParser.getVersion());
    }
}
