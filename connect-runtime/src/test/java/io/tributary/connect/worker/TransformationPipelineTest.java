package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Three built-in transformations, one behind a predicate, applied by a sink on a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class TransformationPipelineTest {

    @TempDir
    Path dir;

    @Test
    void theChainAppliesInOrderAndThePredicateLimitsItsTransformationToMatchingTopics(KafkaBroker kafka)
            throws Exception {
        kafka.createTopic("pipe-orders");
        kafka.createTopic("pipe-users");
        Records.produce(kafka, "pipe-orders", "{\"id\":1,\"secret\":\"x\"}");
        Records.produce(kafka, "pipe-users", "{\"id\":2,\"secret\":\"y\"}");
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CollectingSinkConnector.class.getName());
        config.put("collector", "pipeline");
        config.put("topics", "pipe-orders,pipe-users");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("transforms", "dropSecret,tag,route");
        config.put("transforms.dropSecret.type", "org.apache.kafka.connect.transforms.ReplaceField$Value");
        config.put("transforms.dropSecret.exclude", "secret");
        config.put("transforms.tag.type", "org.apache.kafka.connect.transforms.InsertField$Value");
        config.put("transforms.tag.static.field", "origin");
        config.put("transforms.tag.static.value", "orders-service");
        config.put("transforms.tag.predicate", "isOrders");
        config.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
        config.put("transforms.route.regex", "pipe-(.*)");
        config.put("transforms.route.replacement", "routed-$1");
        config.put("predicates", "isOrders");
        config.put("predicates.isOrders.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        config.put("predicates.isOrders.pattern", "pipe-orders");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("pipeline", config);
            await().atMost(PipelineWorker.WAIT).until(() -> CollectingSinkConnector.collected("pipeline").size() >= 2);
        }

        List<SinkRecord> records = List.copyOf(CollectingSinkConnector.collected("pipeline"));
        assertThat(records).extracting(SinkRecord::topic).containsExactlyInAnyOrder("routed-orders", "routed-users");
        assertThat(valueOf(records, "routed-orders")).isEqualTo(Map.of("id", 1L, "origin", "orders-service"));
        assertThat(valueOf(records, "routed-users")).isEqualTo(Map.of("id", 2L));
        assertThat(records).extracting(SinkRecord::originalTopic)
                .containsExactlyInAnyOrder("pipe-orders", "pipe-users");
    }

    private static Object valueOf(List<SinkRecord> records, String topic) {
        return records.stream().filter(record -> record.topic().equals(topic)).findFirst().orElseThrow().value();
    }
}
