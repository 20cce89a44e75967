package io.tributary.connect.transforms.diff;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

/** DropHeaders and Filter against Apache's. */
class HeaderAndFilterDifferentialTest {

    private static final String DROP_HEADERS = "org.apache.kafka.connect.transforms.DropHeaders";
    private static final String FILTER = "org.apache.kafka.connect.transforms.Filter";

    @Test
    void dropHeadersRemovesEveryHeaderWithAListedNameLikeApache() {
        List<org.apache.kafka.connect.connector.ConnectRecord<?>> records = List.of(
                TestRecords.source(Schema.STRING_SCHEMA, "v"), TestRecords.sink(null, null));
        Differential.assertSameOutcomes(DROP_HEADERS, Map.of("headers", "trace"), records);
        Differential.assertSameOutcomes(DROP_HEADERS, Map.of("headers", "trace,attempt"), records);
        Differential.assertSameOutcomes(DROP_HEADERS, Map.of("headers", "absent"), records);
    }

    @Test
    void dropHeadersRejectsMissingOrEmptyListsLikeApache() {
        List<org.apache.kafka.connect.connector.ConnectRecord<?>> records = List.of(TestRecords.source(null, null));
        Differential.assertSameOutcomes(DROP_HEADERS, Map.of(), records);
        Differential.assertSameOutcomes(DROP_HEADERS, Map.of("headers", ""), records);
    }

    @Test
    void filterDropsEveryRecordLikeApache() {
        Differential.assertSameOutcomes(FILTER, Map.of("anything", "ignored"),
                TestRecords.both(Schema.STRING_SCHEMA, "v"));
    }
}
