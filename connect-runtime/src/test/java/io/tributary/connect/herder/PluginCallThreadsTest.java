package io.tributary.connect.herder;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.model.ConfigInfos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Plugin code called by the herder runs on the worker's plugin call threads, not its own or the common pool's. */
@ExtendWith(KafkaBrokerExtension.class)
class PluginCallThreadsTest {

    private static final String PLUGIN_CALL_THREAD = "plugin-call-";

    @TempDir
    Path dir;
    private StandaloneRuntime runtime;
    private StandaloneHerder herder;

    @BeforeEach
    void startHerder(KafkaBroker kafka) {
        ThreadRecordingConnector.forget();
        runtime = StandaloneRuntime.start(kafka, dir.resolve("connect.offsets"));
        herder = runtime.herder;
    }

    @AfterEach
    void stopHerder() {
        runtime.close();
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
