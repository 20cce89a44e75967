package io.tributary.connect.distributed;

import io.tributary.connect.cli.LocalWorkers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.connect.cli.DistributedWorker;
import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group that cannot agree (a member claims to have read the config topic further than the leader ever can, so
 * every round fails with a config mismatch and the worker backs off between rounds) must not silence the REST
 * API: reads of connectors, their configs, tasks and statuses answer from what the worker has read.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ReadsDuringConfigMismatchTest {

    private static final Duration QUICK = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void aWorkerWhoseGroupKeepsFailingToAgreeStillAnswersReads(KafkaBroker broker) throws Exception {
        String group = "mismatch-" + UUID.randomUUID().toString().substring(0, 8);
        DistributedWorker worker = DistributedWorker.start(props(broker, group));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> worker.herder().isReady());
            RestClient rest = new RestClient(worker.rest().advertisedUrl());
            Path input = Files.writeString(dir.resolve("in.txt"), "a\n");
            assertThat(rest.post("/connectors", "{\"name\":\"reader\",\"config\":{\"connector.class\":"
                    + "\"FileStreamSource\",\"tasks.max\":\"1\",\"topic\":\"" + group + "-t\",\"file\":\"" + input
                    + "\"}}").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> rest.get("/connectors/reader/tasks").body()
                    .contains("task.class"));

            try (TestMember ahead = new TestMember("ahead", broker.bootstrapServers(), group, new FarAhead(),
                    Map.of())) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> ahead.assignment() != null && ahead.assignment().failed());

                for (String path : List.of("/connectors", "/connectors?expand=status&expand=info",
                        "/connectors/reader", "/connectors/reader/config", "/connectors/reader/tasks",
                        "/connectors/reader/status", "/connectors/reader/tasks/0/status")) {
                    RestClient.Response answer = rest.get(path, QUICK);
                    assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
                    assertThat(answer.body()).as("GET %s", path).contains(path.contains("/tasks/0") ? "\"id\":0"
                            : "reader");
                }
                assertThat(ahead.assignment().failed()).as("still failing to agree").isTrue();
            }
        } finally {
            worker.stop();
        }
    }

    private Map<String, String> props(KafkaBroker broker, String group) throws IOException {
        Map<String, String> props = LocalWorkers.distributedProps(broker, group);
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        return props;
    }

    /** Claims a config offset no leader can read to. */
    private static final class FarAhead implements ConfigSnapshots {
        private final ClusterConfigView view = new ClusterConfigView() {
            @Override
            public long offset() {
                return 1_000_000;
            }

            @Override
            public Set<String> connectors() {
                return Set.of();
            }

            @Override
            public List<ConnectorTaskId> tasks(String connector) {
                return List.of();
            }
        };

        @Override
        public ClusterConfigView current() {
            return view;
        }

        @Override
        public ClusterConfigView fresh() {
            return view;
        }
    }
}
