package io.tributary.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.transforms.probe.ProbePair;
import io.tributary.connect.transforms.probe.ProbePair.Outcomes;
import org.junit.jupiter.api.Test;

/** Guards the differential tests themselves: the reference side must really run Apache's classes. */
class ReferenceIsolationTest {

    @Test
    void referenceSideReportsApacheVersionWhileOursReportsTributaryVersion() {
        Outcomes outcomes = ProbePair.get().version("org.apache.kafka.connect.transforms.MaskField$Value");

        assertThat(outcomes.reference()).isEqualTo("4.1.1");
        assertThat(outcomes.ours()).isNotEqualTo("4.1.1").isNotEqualTo("unknown");
    }
}
