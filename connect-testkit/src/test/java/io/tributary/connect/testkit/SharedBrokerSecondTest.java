package io.tributary.connect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whichever of the two sharing test classes runs second proves both got the same cluster. */
@ExtendWith(KafkaBrokerExtension.class)
class SharedBrokerSecondTest {

    @Test
    void seesTheSameBrokerAsEveryOtherTestClass(KafkaBroker kafka) {
        assertThat(SeenBootstrapServers.record(kafka.bootstrapServers())).containsExactly(kafka.bootstrapServers());
    }
}
