package org.apache.kafka.connect.converters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tributary.connect.reference.ReferenceProbe;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our converters against Apache Kafka 4.1.1's (from connect-runtime, loaded in isolation): same bytes
 * written, same values read back, same exception types, for every role and for the header side.
 */
class ConvertersDifferentialTest {

    private static final String PKG = "org.apache.kafka.connect.converters.";
    private static final List<String> CONVERTERS = List.of("ByteArrayConverter", "BooleanConverter",
            "DoubleConverter", "FloatConverter", "IntegerConverter", "LongConverter", "ShortConverter");
    private static final List<Map<String, String>> CONFIGS = Arrays.asList(
            null, Map.of("converter.type", "key"), Map.of("converter.type", "value"),
            Map.of("converter.type", "header"), Map.of("converter.type", "HEADER"),
            Map.of("converter.type", "bogus"), Map.of());

    private static final ReferenceProbe REFERENCE =
            ReferenceProbe.load(ConverterProbe.class, "connect-runtime.jar", "connect-api.jar");
    private static final ConverterProbe OURS = new ConverterProbe();

    @Test
    void referenceSideRunsApacheClasses() {
        assertThat(REFERENCE.isIsolatedFrom(ConverterProbe.class)).isTrue();
        assertThat((String) call("describe", PKG + "LongConverter")).contains("version=4.1.1");
    }

    @TestFactory
    Stream<DynamicTest> writesAndReadsBack() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String converter : CONVERTERS) {
            for (boolean header : List.of(false, true)) {
                for (Map<String, String> config : CONFIGS) {
                    tests.add(DynamicTest.dynamicTest(converter + (header ? " header " : " ") + config,
                            () -> assertSameWrites(PKG + converter, config, header)));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> readsRawBytes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String converter : CONVERTERS) {
            for (boolean header : List.of(false, true)) {
                tests.add(DynamicTest.dynamicTest(converter + (header ? " header" : ""), () -> {
                    List<String> mismatches = new ArrayList<>();
                    for (String raw : ConverterProbe.rawNames()) {
                        for (boolean isKey : List.of(true, false)) {
                            String ours = OURS.read(PKG + converter, null, isKey, raw, header);
                            String theirs = (String) call("read", PKG + converter, null, isKey, raw, header);
                            collect(mismatches, raw + " key=" + isKey, ours, theirs);
                        }
                    }
                    assertThat(mismatches).isEmpty();
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> describesConfigAndVersionTheSameWay() {
        return CONVERTERS.stream().map(converter -> DynamicTest.dynamicTest(converter, () -> {
            String ours = OURS.describe(PKG + converter);
            String theirs = (String) call("describe", PKG + converter);
            assertThat(ours.replace("version=" + org.apache.kafka.common.utils.AppInfoParser.getVersion(), ""))
                    .isEqualTo(theirs.replace("version=4.1.1", ""));
        }));
    }

    private static void assertSameWrites(String className, Map<String, String> config, boolean header)
{
        List<String> mismatches = new ArrayList<>();
        for (String sample : ConverterProbe.sampleNames()) {
            for (boolean isKey : List.of(true, false)) {
                String ours = OURS.write(className, config, isKey, sample, header);
                String theirs = (String) call("write", className, config, isKey, sample, header);
                collect(mismatches, sample + " key=" + isKey, ours, theirs);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** Exception messages may be worded differently; everything else must be identical. */
    private static void collect(List<String> mismatches, String what, String ours, String theirs) {
        if (!withoutMessages(ours).equals(withoutMessages(theirs))) {
            mismatches.add(what + "\n ours:      " + ours + "\n reference: " + theirs);
        }
    }

    private static String withoutMessages(String outcome) {
        return outcome.replaceAll(" message=.*?(?= bufferPosition=|$)", "");
    }

    private static Object call(String method, Object... args) {
        return REFERENCE.call(method, args);
    }
}
