package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class TimestampRouterTest {

    private final TimestampRouter<SourceRecord> router = new TimestampRouter<>();

    @Test
    void appendsTheUtcDayByDefault() {
        router.configure(Map.of());

        assertThat(router.apply(Records.onTopic("logs")).topic()).isEqualTo("logs-20231114");
    }

    @Test
    void fillsEveryPlaceholderOfTheTemplate() {
        router.configure(Map.of("topic.format", "${timestamp}/${topic}/${topic}", "timestamp.format", "yyyy-HH"));

        assertThat(router.apply(Records.onTopic("logs")).topic()).isEqualTo("2023-22/logs/logs");
    }

    @Test
    void failsOnRecordsWithoutTimestamp() {
        router.configure(Map.of());
        SourceRecord noTimestamp = new SourceRecord(null, null, "logs", null, null, null);

        assertThatThrownBy(() -> router.apply(noTimestamp)).isInstanceOf(DataException.class);
    }
}
