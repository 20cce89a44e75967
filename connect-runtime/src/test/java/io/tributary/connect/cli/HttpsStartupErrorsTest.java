package io.tributary.connect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import io.tributary.connect.testkit.TestCertificates;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker whose https listener cannot be served stops at startup with the worker-config exit code and a message
 * naming the key, as bin/connect-*.sh print it, not with a stack trace.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HttpsStartupErrorsTest {

    @TempDir
    static Path dir;
    private static TestCertificates.Identity server;

    @BeforeAll
    static void certificates() {
        server = TestCertificates.create(dir.resolve("ca")).issue("server", "dns:localhost");
    }

    @Test
    void aStandaloneWorkerWithAWrongKeystorePasswordStopsNamingTheKey(KafkaBroker broker) {
        Map<String, String> props = wrongPassword();
        props.put("offset.storage.file.filename", dir.resolve("offsets").toString());

        assertThatThrownBy(() -> LocalWorkers.standalone(broker, dir.resolve("offsets"), props))
                .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("Could not start the REST server on [https://localhost:0]")
                .hasMessageContaining("ssl.keystore.password").hasMessageNotContaining("not-the-password");
    }

    @Test
    void aDistributedWorkerWithoutKeystoreForItsHttpsAdminListenerStopsNamingTheKeys(KafkaBroker broker) {
        String group = "https-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", group);
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("config.storage.topic", group + "-configs");
        props.put("offset.storage.topic", group + "-offsets");
        props.put("status.storage.topic", group + "-status");
        props.put("listeners", "http://localhost:0");
        props.put("admin.listeners", "https://localhost:0");

        assertThatThrownBy(() -> DistributedWorker.start(props))
                .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("configuration ssl.keystore.location")
                .hasMessageContaining("admin.listeners has an https URL")
                .hasMessageContaining("keys prefixed admin.listeners.https.");
    }

    private static Map<String, String> wrongPassword() {
        Map<String, String> props = new HashMap<>();
        props.put("listeners", "https://localhost:0");
        props.put("ssl.keystore.type", "PKCS12");
        props.put("ssl.keystore.location", server.keystore("PKCS12").toString());
        props.put("ssl.keystore.password", "not-the-password");
        return props;
    }
}
