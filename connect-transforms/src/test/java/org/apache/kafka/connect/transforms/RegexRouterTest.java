package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class RegexRouterTest {

    private final RegexRouter<SourceRecord> router = new RegexRouter<>();

    @Test
    void rewritesTopicsThatMatchEntirelyUsingGroupReferences() {
        router.configure(Map.of("regex", "(\\w+)\\.(\\w+)", "replacement", "$2-$1"));

        assertThat(router.apply(Records.onTopic("orders.eu")).topic()).isEqualTo("eu-orders");
    }

    @Test
    void leavesRecordsWhoseTopicMatchesOnlyInPart() {
        router.configure(Map.of("regex", "orders", "replacement", "x"));
        SourceRecord record = Records.onTopic("orders.eu");

        assertThat(router.apply(record)).isSameAs(record);
    }

    @Test
    void rejectsAnInvalidRegex() {
        assertThatThrownBy(() -> router.configure(Map.of("regex", "[", "replacement", "x")))
                .isInstanceOf(ConfigException.class);
    }
}
