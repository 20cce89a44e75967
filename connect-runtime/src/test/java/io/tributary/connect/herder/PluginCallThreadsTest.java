package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.config.StandaloneConfig;
import io.tributary.connect.model.ConfigInfos;
import io.tributary.connect.status.MemoryStatusStore;
import io.tributary.connect.storage.FileOffsetBackingStore;
import io.tributary.connect.worker.Worker;
import io.tributary.connect.worker.WorkerTestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin code called by the herder runs on the worker's plugin call threads, not its own or the common pool's. */
class PluginCallThreadsTest {

    private static final String PLUGIN_CALL_THREAD = "plugin-call-";

    @TempDir
    Path dir;
    private StandaloneHerder herder;

    @BeforeEach
    void startHerder() {
        ThreadRecordingConnector.forget();
        // Nothing here reaches a broker: connectors without tasks, offsets in a file, statuses in memory.
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "localhost:1");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("task.shutdown.graceful.timeout.ms", "5000");
        Worker worker = new Worker("localhost:8083", "test-cluster", new StandaloneConfig(props),
                WorkerTestPlugins.shared(), new AllowAllOverridePolicy(),
                new FileOffsetBackingStore(dir.resolve("connect.offsets")), new MemoryStatusStore());
        herder = new StandaloneHerder(worker);
        herder.start();
    }

    @AfterEach
    void stopHerder() {
        herder.stop();
    }

    @Test
    void validatingAConfigurationCallsValidateOnAPluginCallThread() throws Exception {
        ConfigInfos report = herder.validateConnectorConfig(config("validated")).get(30, TimeUnit.SECONDS);

        assertThat(report.errorCount()).isZero();
        assertThat(ThreadRecordingConnector.threadOf("validate")).startsWith(PLUGIN_CALL_THREAD);
    }

    @Test
    void creatingAConnectorValidatesItOnAPluginCallThread() throws Exception {
        herder.putConnectorConfig(RequestContext.CLIENT, "created", config("created"), null, false)
                .get(30, TimeUnit.SECONDS);

        assertThat(ThreadRecordingConnector.threadOf("validate")).startsWith(PLUGIN_CALL_THREAD);
    }

    @Test
    void describingAPluginCallsItsConfigOnAPluginCallThread() throws Exception {
        herder.connectorPluginConfig(ThreadRecordingConnector.class.getName(), null).get(30, TimeUnit.SECONDS);

        assertThat(ThreadRecordingConnector.threadOf("config")).startsWith(PLUGIN_CALL_THREAD);
    }

    @Test
    void aConnectorsLifecycleCallsRunOnPluginCallThreads() throws Exception {
        herder.putConnectorConfig(RequestContext.CLIENT, "lifecycle", config("lifecycle"), null, false)
                .get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> ThreadRecordingConnector.threadOf("taskConfigs") != null);
        herder.deleteConnectorConfig(RequestContext.CLIENT, "lifecycle").get(30, TimeUnit.SECONDS);

        for (String method : new String[] {"version", "start", "taskClass", "taskConfigs", "stop"}) {
            assertThat(ThreadRecordingConnector.threadOf(method)).as(method).startsWith(PLUGIN_CALL_THREAD);
        }
    }

    private static Map<String, String> config(String name) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", ThreadRecordingConnector.class.getName());
        config.put("tasks.max", "1");
        return config;
    }
}
