package io.tributary.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tributary.connect.transforms.probe.ProbePair;
import io.tributary.connect.transforms.probe.ProbePair.Outcomes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs our transformations and Apache Kafka 4.1.1's on the same records under many configurations and
 * expects the same outcome: same resulting record (schemas, values, headers, topic) or the same
 * exception type, at configuration or at application time.
 */
class TransformationsDifferentialTest {

    private static final String PKG = "org.apache.kafka.connect.transforms.";
    private static final List<String> RECORD_KINDS = List.of("source", "sink", "no-timestamp");

    @TestFactory
    Stream<DynamicTest> insertHeader() {
        return cases(List.of(PKG + "InsertHeader"),
                config("header", "added", "value.literal", "hello"),
                config("header", "added", "value.literal", "42"),
                config("header", "h1", "value.literal", "[1,2,3]"),
                config("header", "added", "value.literal", "{\"a\":1}"),
                config("header", "added", "value.literal", "2024-01-02"),
                config("header", "added", "value.literal", ""),
                config("header", "", "value.literal", "true"),
                config("header", "added"),
                config("value.literal", "x"));
    }

    @TestFactory
    Stream<DynamicTest> maskField() {
        return cases(List.of(PKG + "MaskField$Key", PKG + "MaskField$Value"),
                config("fields", "int8,int16,int32,int64,float32,float64,boolean,string,decimal,opt_string"),
                config("fields", "array,map"),
                config("fields", "bytes"),
                config("fields", "nested"),
                config("fields", "date,bigint"),
                config("fields", "char"),
                config("fields", "missing"),
                config("fields", "opt_int_default"),
                config("fields", "opt_int_default", "replace.null.with.default", "false"),
                config("fields", "int32,int64,string", "replacement", "123"),
                config("fields", "int8,int16", "replacement", "7"),
                config("fields", "float32,float64,decimal,bigint", "replacement", "1.5"),
                config("fields", "string,opt_string", "replacement", "****"),
                config("fields", "int32", "replacement", "abc"),
                config("fields", "boolean", "replacement", "true"),
                config("fields", "date", "replacement", "0"),
                config("fields", "array", "replacement", "x"),
                config("fields", "int32", "replacement", ""),
                config("fields", ""),
                config());
    }

    @TestFactory
    Stream<DynamicTest> regexRouter() {
        return cases(List.of(PKG + "RegexRouter"),
                config("regex", "(.*)\\.(.*)", "replacement", "$2_$1"),
                config("regex", "orders", "replacement", "x"),
                config("regex", "orders.*", "replacement", "all-orders"),
                config("regex", "(?<name>[a-z]+).*", "replacement", "${name}"),
                config("regex", "(.*)", "replacement", "$5"),
                config("regex", "[", "replacement", "x"),
                config("regex", ".*"),
                config("replacement", "x"));
    }

    @TestFactory
    Stream<DynamicTest> replaceField() {
        return cases(List.of(PKG + "ReplaceField$Key", PKG + "ReplaceField$Value"),
                config(),
                config("exclude", "int8,string,missing"),
                config("include", "int32,string,ts_long,other"),
                config("include", "int32,string", "exclude", "string"),
                config("renames", "int32:renamed,string:s,ts_long:when"),
                config("renames", "int32:int64"),
                config("renames", "int32:x", "include", "int32"),
                config("renames", "int32:x", "include", "x"),
                config("renames", "opt_int_default:d"),
                config("renames", "opt_int_default:d", "replace.null.with.default", "false"),
                config("renames", "broken"),
                config("renames", "a:b:c"),
                config("whitelist", "int32"),
                config("blacklist", "int32"));
    }

    @TestFactory
    Stream<DynamicTest> setSchemaMetadata() {
        return cases(List.of(PKG + "SetSchemaMetadata$Key", PKG + "SetSchemaMetadata$Value"),
                config("schema.name", "renamed"),
                config("schema.version", "12"),
                config("schema.name", "renamed", "schema.version", "3"),
                config("schema.name", "renamed", "replace.null.with.default", "false"),
                config("schema.version", "x"),
                config());
    }

    @TestFactory
    Stream<DynamicTest> timestampConverter() {
        List<Map<String, String>> configs = new ArrayList<>();
        List<String> fields = List.of("", "ts_long", "ts_string", "ts_date", "ts_time", "ts_timestamp",
                "ts_opt_null", "ts_with_default", "other", "int32", "missing");
        List<String> targets = List.of("string", "unix", "Date", "Time", "Timestamp");
        for (String field : fields) {
            for (String target : targets) {
                configs.add(config("field", field, "target.type", target, "format", "yyyy-MM-dd HH:mm:ss"));
                configs.add(config("field", field, "target.type", target));
            }
        }
        for (String precision : List.of("seconds", "microseconds", "nanoseconds", "milliseconds")) {
            for (String field : List.of("", "ts_long", "ts_timestamp")) {
                configs.add(config("field", field, "target.type", "unix", "unix.precision", precision));
                configs.add(config("field", field, "target.type", "Timestamp", "unix.precision", precision));
            }
        }
        configs.add(config("field", "ts_with_default", "target.type", "unix", "replace.null.with.default", "false"));
        configs.add(config("target.type", "string", "format", "yyyy-MM-dd"));
        configs.add(config("target.type", "string", "format", "EEE, d MMM yyyy HH:mm:ss.SSS Z"));
        configs.add(config("target.type", "Timestamp", "format", "yyyy-MM-dd"));
        configs.add(config("target.type", "string", "format", "qqq"));
        configs.add(config("target.type", "string", "format", "   "));
        configs.add(config("target.type", "timestamp"));
        configs.add(config("target.type", "unix", "unix.precision", "minutes"));
        configs.add(config());
        return cases(List.of(PKG + "TimestampConverter$Key", PKG + "TimestampConverter$Value"),
                configs.toArray(Map[]::new));
    }

    @TestFactory
    Stream<DynamicTest> timestampRouter() {
        return cases(List.of(PKG + "TimestampRouter"),
                config(),
                config("topic.format", "${timestamp}/${topic}/${topic}", "timestamp.format", "yyyy-MM-dd'T'HH"),
                config("topic.format", "fixed"),
                config("timestamp.format", "qqq"),
                config("timestamp.format", ""));
    }

    @TestFactory
    Stream<DynamicTest> valueToKey() {
        return cases(List.of(PKG + "ValueToKey"),
                config("fields", "int32,string"),
                config("fields", "string,int32,nested,array"),
                config("fields", "opt_int_default,opt_string"),
                config("fields", "opt_int_default", "replace.null.with.default", "false"),
                config("fields", "ts_long,missing"),
                config("fields", "int32,int32"),
                config("fields", ""),
                config());
    }

    @TestFactory
    Stream<DynamicTest> configDefinitions() {
        return Stream.of("InsertHeader", "MaskField$Value", "RegexRouter", "ReplaceField$Value",
                        "SetSchemaMetadata$Value", "TimestampConverter$Value", "TimestampRouter", "ValueToKey",
                        "predicates.HasHeaderKey", "predicates.RecordIsTombstone", "predicates.TopicNameMatches")
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    Outcomes outcomes = ProbePair.get().configDef(PKG + name);
                    assertThat(outcomes.ours()).isEqualTo(outcomes.reference());
                }));
    }

    @SafeVarargs
    private static Stream<DynamicTest> cases(List<String> classNames, Map<String, String>... configs) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String className : classNames) {
            for (Map<String, String> config : configs) {
                String name = className.substring(PKG.length()) + " " + config;
                tests.add(DynamicTest.dynamicTest(name, () -> assertSameOutcomes(className, config)));
            }
        }
        return tests.stream();
    }

    private static void assertSameOutcomes(String className, Map<String, String> config) {
        List<String> mismatches = new ArrayList<>();
        for (String sample : ProbePair.sampleNames()) {
            for (String recordKind : RECORD_KINDS) {
                Outcomes outcomes = ProbePair.get().transform(className, config, sample, recordKind);
                if (!Outcome.sameAs(outcomes)) {
                    mismatches.add(sample + "/" + recordKind + "\n ours:      " + outcomes.ours()
                            + "\n reference: " + outcomes.reference());
                }
            }
        }
        assertThat(mismatches).as("outcomes differing from Apache's").isEmpty();
    }

    static Map<String, String> config(String... keysAndValues) {
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }
}
