package io.tributary.connect.e2e;

import io.tributary.connect.testkit.KafkaBrokerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: a worker asked for exactly-once source support on a Kafka cluster whose transactions cannot work (here a
 * single broker told to replicate its transaction state log three times) refuses to start, with exit code 2 and a
 * message naming the setting and what to fix, instead of joining its group and hanging on every write.
 */
class ExactlyOnceStartupIT {

    private static final Duration EXIT = Duration.ofSeconds(90);

    /** Kept when the test fails: the worker's output and the broker's log are in here. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private KafkaBrokerProcess broker;
    private WorkerProcess worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aWorkerWhoseClusterCannotRunTransactionsRefusesToStartNamingTheSetting() {
        broker = new KafkaBrokerProcess(dir.resolve("broker"), null,
                Map.of("transaction.state.log.replication.factor", "3"));
        broker.start();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", "no-transactions");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("config.storage.topic", "nt-configs");
        props.put("offset.storage.topic", "nt-offsets");
        props.put("status.storage.topic", "nt-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("exactly.once.source.support", "enabled");
        // How long the worker's clients wait for the cluster's answer: the transaction coordinator never comes.
        props.put("default.api.timeout.ms", "5000");
        props.put("request.timeout.ms", "5000");

        worker = WorkerProcess.startDistributed(dir, props);
        int exitCode = worker.awaitExit(EXIT);

        assertThat(exitCode).withFailMessage("expected exit code 2; the worker said:%n%s", worker.output())
                .isEqualTo(2);
        assertThat(worker.output())
                .contains("Invalid value enabled for configuration exactly.once.source.support")
                .contains("has no transaction coordinator this worker can use")
                .contains("transaction.state.log.replication.factor")
                .contains("set exactly.once.source.support=disabled");
    }
}
