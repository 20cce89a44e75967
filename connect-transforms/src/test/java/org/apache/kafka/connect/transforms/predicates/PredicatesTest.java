package org.apache.kafka.connect.transforms.predicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class PredicatesTest {

    @Test
    void hasHeaderKeyMatchesRecordsWithAHeaderOfThatNameEvenWithANullValue() {
        HasHeaderKey<SourceRecord> predicate = new HasHeaderKey<>();
        predicate.configure(Map.of("name", "trace"));
        SourceRecord with = record("t", "v");
        with.headers().addString("trace", null);

        assertThat(predicate.test(with)).isTrue();
        assertThat(predicate.test(record("t", "v"))).isFalse();
        assertThat(predicate).hasToString("HasHeaderKey{name='trace'}");
    }

    @Test
    void hasHeaderKeyNeedsANonEmptyName() {
        assertThatThrownBy(() -> new HasHeaderKey<SourceRecord>().configure(Map.of("name", "")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void recordIsTombstoneMatchesNullValuesOnly() {
        RecordIsTombstone<SourceRecord> predicate = new RecordIsTombstone<>();
        predicate.configure(Map.of());

        assertThat(predicate.test(record("t", null))).isTrue();
        assertThat(predicate.test(record("t", "v"))).isFalse();
    }

    @Test
    void topicNameMatchesNeedsTheWholeTopicToMatch() {
        TopicNameMatches<SourceRecord> predicate = new TopicNameMatches<>();
        predicate.configure(Map.of("pattern", "orders\\..*"));

        assertThat(predicate.test(record("orders.eu", "v"))).isTrue();
        assertThat(predicate.test(record("all-orders.eu", "v"))).isFalse();
        assertThat(predicate).hasToString("TopicNameMatches{pattern=orders\\..*}");
    }

    @Test
    void topicNameMatchesRejectsInvalidOrEmptyPatterns() {
        assertThatThrownBy(() -> new TopicNameMatches<SourceRecord>().configure(Map.of("pattern", "[")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new TopicNameMatches<SourceRecord>().configure(Map.of("pattern", "")))
                .isInstanceOf(ConfigException.class);
    }

    private static SourceRecord record(String topic, Object value) {
        return new SourceRecord(null, null, topic, null, null, value);
    }
}
