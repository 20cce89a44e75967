package io.tributary.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.transforms.probe.ProbePair;
import io.tributary.connect.transforms.probe.ProbePair.Outcomes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the differential tests themselves: each side must run the implementation it claims to,
 * Apache's on the reference side (loaded from its connect-transforms jar) and ours on the other.
 */
class ReferenceIsolationTest {

    @ParameterizedTest
    @ValueSource(strings = {"InsertHeader", "MaskField$Key", "MaskField$Value", "RegexRouter", "ReplaceField$Key",
            "ReplaceField$Value", "SetSchemaMetadata$Key", "SetSchemaMetadata$Value", "TimestampConverter$Key",
            "TimestampConverter$Value", "TimestampRouter", "ValueToKey", "predicates.HasHeaderKey",
            "predicates.RecordIsTombstone", "predicates.TopicNameMatches"})
    void eachSideRunsItsOwnImplementation(String simpleName) {
        Outcomes outcomes = ProbePair.get().location("org.apache.kafka.connect.transforms." + simpleName);

        assertThat(outcomes.reference()).endsWith("connect-transforms.jar");
        assertThat(outcomes.ours()).doesNotContain("connect-transforms.jar").contains("connect-transforms");
    }
}
