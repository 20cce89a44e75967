package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.SchemaAndValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs our JsonConverter and Apache's (from the reference jars, in an isolated class loader) on the same
 * inputs and requires identical results: the same bytes, the same Connect data, or a DataException in both.
 * Converters are shared per configuration so that schema caches are exercised across cases.
 */
class JsonConverterDifferentialTest {

    private static final String TOPIC = "topic";

    private static ReferenceConnect reference;
    private static final Map<ConverterSettings, JsonConverter> OURS = new HashMap<>();
    private static final Map<ConverterSettings, Object> THEIRS = new HashMap<>();

    @BeforeAll
    static void loadReference() {
        reference = new ReferenceConnect();
    }

    static Stream<Arguments> jsonInputs() {
        List<Arguments> all = new ArrayList<>();
        for (JsonInputCases.JsonCase jsonCase : JsonInputCases.all()) {
            for (ConverterSettings settings : ConverterSettings.forReading()) {
                all.add(Arguments.of(Named.of(jsonCase.name(), jsonCase), Named.of(settings.toString(), settings)));
            }
        }
        return all.stream();
    }

    static Stream<Arguments> connectInputs() {
        List<Arguments> all = new ArrayList<>();
        for (ConnectDataCases.ConnectCase connectCase : ConnectDataCases.all()) {
            for (ConverterSettings settings : ConverterSettings.forWriting()) {
                all.add(Arguments.of(Named.of(connectCase.name(), connectCase), Named.of(settings.toString(), settings)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("jsonInputs")
    void readsJsonLikeReference(JsonInputCases.JsonCase input, ConverterSettings settings) {
        byte[] bytes = input.json().getBytes(StandardCharsets.UTF_8);
        if (input.name().equals("invalid UTF-8")) {
            bytes = input.json().getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] json = bytes;

        Outcome ours = Outcome.of(() -> NeutralForm.schemaAndValue(ours(settings).toConnectData(TOPIC, json)));
        Outcome theirs = Outcome.of(() -> NeutralForm.schemaAndValue(
                reference.toConnectData(theirs(settings), TOPIC, json)));

        assertSame(ours, theirs);
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("connectInputs")
    void writesSameBytesAsReference(ConnectDataCases.ConnectCase input, ConverterSettings settings) {
        Outcome ours = Outcome.of(() -> Outcome.bytes(
                ours(settings).fromConnectData(TOPIC, input.schema(), input.value())));
        Outcome theirs = Outcome.of(() -> Outcome.bytes(reference.fromConnectData(theirs(settings), TOPIC,
                reference.schema(input.schema()), reference.value(input.value()))));

        assertSame(ours, theirs);
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("connectInputs")
    void roundTripsLikeReference(ConnectDataCases.ConnectCase input, ConverterSettings settings) throws Exception {
        Outcome written = Outcome.of(() -> Outcome.bytes(reference.fromConnectData(theirs(settings), TOPIC,
                reference.schema(input.schema()), reference.value(input.value()))));
        assumeFalse(written.threw(), "the reference cannot write this case: " + written);
        byte[] bytes = reference.fromConnectData(theirs(settings), TOPIC,
                reference.schema(input.schema()), reference.value(input.value()));

        Outcome oursReadBack = Outcome.of(() -> NeutralForm.schemaAndValue(ours(settings).toConnectData(TOPIC, bytes)));
        Outcome theirsReadBack = Outcome.of(() -> NeutralForm.schemaAndValue(
                reference.toConnectData(theirs(settings), TOPIC, bytes)));
        assertSame(oursReadBack, theirsReadBack);
        assumeFalse(theirsReadBack.threw(), "nothing was read back to write again");

        SchemaAndValue oursRead = ours(settings).toConnectData(TOPIC, bytes);
        Object theirsRead = reference.toConnectData(theirs(settings), TOPIC, bytes);
        Outcome oursRewritten = Outcome.of(() -> Outcome.bytes(
                ours(settings).fromConnectData(TOPIC, oursRead.schema(), oursRead.value())));
        Outcome theirsRewritten = Outcome.of(() -> Outcome.bytes(reference.fromConnectData(theirs(settings), TOPIC,
                NeutralForm.call(theirsRead, "schema"), NeutralForm.call(theirsRead, "value"))));
        assertSame(oursRewritten, theirsRewritten);
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("connectInputs")
    void headersMatchReference(ConnectDataCases.ConnectCase input, ConverterSettings settings) throws Exception {
        Map<String, Object> config = settings.asMap();
        config.put("converter.type", "header");
        JsonConverter ours = new JsonConverter();
        ours.configure(config);
        Object theirs = reference.newHeaderConverter(config);

        Outcome oursWritten = Outcome.of(() -> Outcome.bytes(
                ours.fromConnectHeader(TOPIC, "h", input.schema(), input.value())));
        Outcome theirsWritten = Outcome.of(() -> Outcome.bytes(reference.fromConnectHeader(theirs, TOPIC, "h",
                reference.schema(input.schema()), reference.value(input.value()))));
        assertSame(oursWritten, theirsWritten);

        assumeFalse(theirsWritten.threw(), "nothing to read back");
        byte[] bytes = reference.fromConnectHeader(theirs, TOPIC, "h",
                reference.schema(input.schema()), reference.value(input.value()));
        Outcome oursRead = Outcome.of(() -> NeutralForm.schemaAndValue(ours.toConnectHeader(TOPIC, "h", bytes)));
        Outcome theirsRead = Outcome.of(() -> NeutralForm.schemaAndValue(
                reference.toConnectHeader(theirs, TOPIC, "h", bytes)));
        assertSame(oursRead, theirsRead);
    }

    private static void assertSame(Outcome ours, Outcome theirs) {
        assertThat(ours.result())
                .as("%nours:   %s%ntheirs: %s", ours, theirs)
                .isEqualTo(theirs.result());
    }

    private static synchronized JsonConverter ours(ConverterSettings settings) {
        return OURS.computeIfAbsent(settings, s -> {
            JsonConverter converter = new JsonConverter();
            converter.configure(s.asMap(), s.isKey());
            return converter;
        });
    }

    private static synchronized Object theirs(ConverterSettings settings) {
        return THEIRS.computeIfAbsent(settings, s -> {
            try {
                return reference.newConverter(s.asMap(), s.isKey());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
