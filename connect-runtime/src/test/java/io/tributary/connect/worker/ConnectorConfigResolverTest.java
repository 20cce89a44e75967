package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.tributary.connect.config.StandaloneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorConfigResolverTest {

    @TempDir
    Path dir;

    @Test
    void fileReferencesAreReplacedByTheSecret() throws Exception {
        Path secrets = secretsFile();
        try (ConnectorConfigResolver resolver = resolver(Map.of("config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider"))) {
            Map<String, String> resolved = resolver.resolve(Map.of("password", "${file:" + secrets + ":db.password}",
                    "user", "app"));

            assertThat(resolved).containsEntry("password", "s3cr3t").containsEntry("user", "app");
        }
    }

    @Test
    void providersMayBeNamedByAlias() throws Exception {
        Path secrets = secretsFile();
        try (ConnectorConfigResolver resolver = resolver(Map.of("config.providers", "file",
                "config.providers.file.class", "FileConfigProvider"))) {
            assertThat(resolver.resolve(Map.of("p", "${file:" + secrets + ":db.password}"))).containsEntry("p", "s3cr3t");
        }
    }

    @Test
    void directoryReferencesReadTheNamedFile() throws Exception {
        Files.writeString(dir.resolve("token"), "t0ken");
        try (ConnectorConfigResolver resolver = resolver(Map.of("config.providers", "dir",
                "config.providers.dir.class", "DirectoryConfigProvider"))) {
            assertThat(resolver.resolve(Map.of("t", "${dir:" + dir + ":token}"))).containsEntry("t", "t0ken");
        }
    }

    @Test
    void providerParametersReachTheProvider() throws Exception {
        Path secrets = secretsFile();
        Files.createDirectory(dir.resolve("elsewhere"));
        try (ConnectorConfigResolver resolver = resolver(Map.of("config.providers", "file",
                "config.providers.file.class", "FileConfigProvider",
                "config.providers.file.param.allowed.paths", dir.resolve("elsewhere").toString()))) {
            // The file lies outside allowed.paths, so the provider answers nothing and the reference stays.
            assertThat(resolver.resolve(Map.of("p", "${file:" + secrets + ":db.password}")))
                    .containsEntry("p", "${file:" + secrets + ":db.password}");
        }
    }

    @Test
    void withoutProvidersReferencesStayAsTheyAre() {
        try (ConnectorConfigResolver resolver = resolver(Map.of())) {
            assertThat(resolver.resolve(Map.of("p", "${file:/x:y}"))).containsEntry("p", "${file:/x:y}");
        }
    }

    @Test
    void taskConfigsGetTheReferencesBackWhereTheConnectorConfigHadThem() {
        Map<String, String> raw = Map.of("password", "${file:/secrets:db.password}", "user", "app",
                "token", "${file:/secrets:token}");
        Map<String, String> generated = Map.of("password", "s3cr3t", "user", "app", "task.id", "0");

        assertThat(ConnectorConfigResolver.withReferences(raw, generated))
                .containsOnly(Map.entry("password", "${file:/secrets:db.password}"), Map.entry("user", "app"),
                        Map.entry("task.id", "0"));
    }

    @Test
    void workerSettingsWithReferencesAreResolvedWhenTheWorkerConfigIsParsed() throws Exception {
        Path secrets = secretsFile();
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "${file:" + secrets + ":servers}");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", dir.resolve("offsets").toString());
        props.put("config.providers", "file");
        props.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");

        StandaloneConfig config = new StandaloneConfig(props);

        assertThat(config.bootstrapServers()).isEqualTo("broker-1:9092");
    }

    private Path secretsFile() throws Exception {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "db.password=s3cr3t\nservers=broker-1:9092\n");
        return secrets;
    }

    private ConnectorConfigResolver resolver(Map<String, String> providerProps) {
        Map<String, String> props = new HashMap<>(providerProps);
        props.put("bootstrap.servers", "localhost:9092");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", dir.resolve("offsets").toString());
        return ConnectorConfigResolver.fromWorkerConfig(new StandaloneConfig(props), WorkerTestPlugins.shared());
    }
}
