package io.tributary.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tributary.connect.transforms.probe.ProbePair;
import io.tributary.connect.transforms.probe.ProbePair.Outcomes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Our predicates against Apache Kafka 4.1.1's: same verdicts, same toString, same configuration failures. */
class PredicatesDifferentialTest {

    private static final String PKG = "org.apache.kafka.connect.transforms.predicates.";
    private static final List<String> TOPICS = List.of("orders", "orders.eu", "Orders", "", "x-orders");

    @TestFactory
    Stream<DynamicTest> hasHeaderKey() {
        return cases(PKG + "HasHeaderKey",
                Map.of("name", "h1"), Map.of("name", "h3"), Map.of("name", "missing"), Map.of("name", "H1"),
                Map.of("name", ""), Map.of());
    }

    @TestFactory
    Stream<DynamicTest> recordIsTombstone() {
        return cases(PKG + "RecordIsTombstone", Map.of(), Map.of("unused", "x"));
    }

    @TestFactory
    Stream<DynamicTest> topicNameMatches() {
        return cases(PKG + "TopicNameMatches",
                Map.of("pattern", "orders"), Map.of("pattern", "orders.*"), Map.of("pattern", "(?i)orders"),
                Map.of("pattern", ".*"), Map.of("pattern", "rders"), Map.of("pattern", "["),
                Map.of("pattern", ""), Map.of());
    }

    @SafeVarargs
    private static Stream<DynamicTest> cases(String className, Map<String, String>... configs) {
        return Stream.of(configs).map(config -> DynamicTest.dynamicTest(
                className.substring(PKG.length()) + " " + config, () -> assertSameVerdicts(className, config)));
    }

    private static void assertSameVerdicts(String className, Map<String, String> config) {
        List<String> mismatches = new ArrayList<>();
        for (String sample : ProbePair.sampleNames()) {
            for (String topic : TOPICS) {
                Outcomes outcomes = ProbePair.get().predicate(className, config, sample, topic);
                if (!Outcome.sameAs(outcomes)) {
                    mismatches.add(sample + " @" + topic + "\n ours:      " + outcomes.ours()
                            + "\n reference: " + outcomes.reference());
                }
            }
        }
        assertThat(mismatches).as("verdicts differing from Apache's").isEmpty();
    }
}
