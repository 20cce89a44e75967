package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class TransformationChainTest {

    private static final String APPEND = TestTransformations.AppendSuffix.class.getName();
    private static final String DROP = TestTransformations.DropRecord.class.getName();
    private static final String STARTS_WITH = TestTransformations.ValueStartsWith.class.getName();

    private final TransformationChainBuilder builder = new TransformationChainBuilder(WorkerTestPlugins.shared());

    @Test
    void transformationsApplyInConfiguredOrder() {
        TransformationChain<SourceRecord> chain = builder.build(config(
                "transforms", "first, second",
                "transforms.first.type", APPEND, "transforms.first.suffix", "-1",
                "transforms.second.type", APPEND, "transforms.second.suffix", "-2"));

        assertThat(chain.apply(record("v")).value()).isEqualTo("v-1-2");
    }

    @Test
    void nullFromATransformationDropsTheRecord() {
        TransformationChain<SourceRecord> chain = builder.build(config(
                "transforms", "drop,append",
                "transforms.drop.type", DROP,
                "transforms.append.type", APPEND, "transforms.append.suffix", "!"));

        assertThat(chain.apply(record("v"))).isNull();
    }

    @Test
    void predicateLimitsTheTransformationToMatchingRecords() {
        TransformationChain<SourceRecord> chain = builder.build(config(
                "transforms", "drop",
                "transforms.drop.type", DROP, "transforms.drop.predicate", "isNoise",
                "predicates", "isNoise",
                "predicates.isNoise.type", STARTS_WITH, "predicates.isNoise.prefix", "noise"));

        assertThat(chain.apply(record("noise: x"))).isNull();
        assertThat(chain.apply(record("signal")).value()).isEqualTo("signal");
    }

    @Test
    void negatedPredicateAppliesTheTransformationToTheOthers() {
        TransformationChain<SourceRecord> chain = builder.build(config(
                "transforms", "drop",
                "transforms.drop.type", DROP, "transforms.drop.predicate", "isSignal",
                "transforms.drop.negate", "true",
                "predicates", "isSignal",
                "predicates.isSignal.type", STARTS_WITH, "predicates.isSignal.prefix", "signal"));

        assertThat(chain.apply(record("noise"))).isNull();
        assertThat(chain.apply(record("signal")).value()).isEqualTo("signal");
    }

    @Test
    void noTransformsLeavesRecordsAsTheyAre() {
        SourceRecord record = record("v");

        assertThat(builder.<SourceRecord>build(config()).apply(record)).isSameAs(record);
    }

    @Test
    void predicateNotListedInPredicatesIsRejected() {
        assertThatThrownBy(() -> builder.build(config(
                "transforms", "drop",
                "transforms.drop.type", DROP, "transforms.drop.predicate", "missing")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void transformationWithoutTypeIsRejected() {
        assertThatThrownBy(() -> builder.build(config("transforms", "a")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("transforms.a.type");
    }

    private static SourceRecord record(String value) {
        return new SourceRecord(Map.of(), Map.of(), "topic", Schema.STRING_SCHEMA, value);
    }

    private static Map<String, String> config(String... keyValues) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return config;
    }
}
