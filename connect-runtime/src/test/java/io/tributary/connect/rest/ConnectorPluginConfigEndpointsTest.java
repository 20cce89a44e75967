package io.tributary.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** GET /connector-plugins/{plugin}/config and PUT .../config/validate against a real standalone worker. */
@ExtendWith(KafkaBrokerExtension.class)
class ConnectorPluginConfigEndpointsTest {

    @TempDir
    static Path dir;
    private static LiveWorker worker;

    @BeforeAll
    static void start(KafkaBroker kafka) {
        worker = LiveWorker.start(kafka, dir);
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @Test
    void aConnectorsConfigListsItsOwnSettingsThenTheCommonSourceSettings() {
        RestTestServer.Answer answer = worker.get("/connector-plugins/FileStreamSource/config");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(names(answer.json())).startsWith("file", "topic", "batch.size", "name", "connector.class",
                "connector.plugin.version").endsWith("offsets.storage.topic");
    }

    @Test
    void theConnectorVersionSettingDefaultsToTheInstalledVersion() {
        JsonNode keys = worker.get("/connector-plugins/FileStreamSink/config").json();

        JsonNode version = find(keys, "connector.plugin.version");
        assertThat(version.get("default_value").asText()).isNotBlank().isNotEqualTo("null");
        assertThat(names(keys)).contains("topics", "topics.regex", "errors.deadletterqueue.topic.name");
    }

    @Test
    void aTransformationsConfigIsItsOwnDefinition() {
        JsonNode keys = worker.get("/connector-plugins/TopicNameMatches/config").json();

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("name").asText()).isEqualTo("pattern");
        assertThat(keys.get(0).get("required").asBoolean()).isTrue();
        assertThat(keys.get(0).get("order").asInt()).isEqualTo(-1);
    }

    @Test
    void anUnknownPluginIsNotFound() {
        RestTestServer.Answer answer = worker.get("/connector-plugins/Nope/config");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).isEqualTo("Unknown plugin Nope.");
    }

    @Test
    void aPluginOfAnotherKindIsABadRequest() {
        RestTestServer.Answer answer = worker.get("/connector-plugins/EchoConfigProvider/config");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).isEqualTo("Invalid plugin class EchoConfigProvider. Valid types are sink, "
                + "source, converter, header_converter, transformation, predicate.");
    }

    @Test
    void aVersionTheInstalledPluginDoesNotMatchIsABadRequest() {
        RestTestServer.Answer answer = worker.get("/connector-plugins/TopicNameMatches/config?version=0.0.1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).startsWith("Plugin "
                + "org.apache.kafka.connect.transforms.predicates.TopicNameMatches not found that matches the version "
                + "range [0.0.1,0.0.1], available versions: [");
    }

    @Test
    void validationCountsErrorsAndListsTheGroupsOfEverySetting() {
        RestTestServer.Answer answer = worker.put("/connector-plugins/FileStreamSource/config/validate",
                "{\"connector.class\":\"FileStreamSource\",\"topic\":\"t\",\"tasks.max\":\"x\"}");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode infos = answer.json();
        assertThat(infos.get("name").asText()).isEqualTo("FileStreamSource");
        assertThat(infos.get("error_count").asInt()).isEqualTo(3);
        assertThat(infos.get("groups")).isEqualTo(RestTestServer.json("[\"Common\",\"Transforms\",\"Predicates\","
                + "\"Error Handling\",\"Topic Creation\",\"Exactly Once Support\",\"offsets.topic\"]"));
        assertThat(valueOf(infos, "name").get("errors").get(0).asText())
                .isEqualTo("Missing required configuration \"name\" which has no default value.");
    }

    @Test
    void validationAddsAGroupPerTransformationAndPredicateAndTheConvertersSettings() {
        JsonNode infos = worker.put("/connector-plugins/FileStreamSource/config/validate", "{\"connector.class\":"
                + "\"FileStreamSource\",\"name\":\"a\",\"topic\":\"t\",\"transforms\":\"route\",\"transforms.route.type\":"
                + "\"RegexRouter\",\"transforms.route.regex\":\"(\",\"transforms.route.replacement\":\"x\","
                + "\"transforms.route.predicate\":\"isT\",\"predicates\":\"isT\",\"predicates.isT.type\":"
                + "\"TopicNameMatches\",\"predicates.isT.pattern\":\"t.*\",\"value.converter\":\"StringConverter\"}")
                .json();

        assertThat(infos.get("groups").toString()).contains("\"Transforms: route\"", "\"Predicates: isT\"");
        assertThat(names(infos)).containsSubsequence("transforms.route.type", "transforms.route.plugin.version",
                "transforms.route.regex", "transforms.route.replacement", "transforms.route.negate",
                "transforms.route.predicate", "predicates.isT.type", "predicates.isT.plugin.version",
                "predicates.isT.pattern", "file", "topic", "batch.size", "value.converter.converter.type");
        assertThat(valueOf(infos, "transforms.route.type").get("value").asText())
                .isEqualTo("org.apache.kafka.connect.transforms.RegexRouter");
        assertThat(valueOf(infos, "transforms.route.regex").get("errors").get(0).asText())
                .startsWith("Invalid value ( for configuration regex:");
        assertThat(valueOf(infos, "value.converter.converter.type").get("value").asText()).isEqualTo("value");
        assertThat(infos.get("error_count").asInt()).isEqualTo(1);
    }

    @Test
    void validationOfASinkChecksItsTopicSettingsTogether() {
        JsonNode infos = worker.put("/connector-plugins/FileStreamSink/config/validate", "{\"connector.class\":"
                + "\"FileStreamSink\",\"name\":\"a\",\"topics\":\"t\",\"topics.regex\":\"x.*\"}").json();

        assertThat(infos.get("groups")).isEqualTo(RestTestServer.json(
                "[\"Common\",\"Transforms\",\"Predicates\",\"Error Handling\"]"));
        assertThat(valueOf(infos, "topics.regex").get("errors").get(0).asText())
                .isEqualTo("topics and topics.regex are mutually exclusive options, but both are set.");
        assertThat(infos.get("error_count").asInt()).isEqualTo(2);
    }

    @Test
    void validationRefusesAConnectorClassThePathDoesNotName() {
        RestTestServer.Answer answer = worker.put("/connector-plugins/FileStreamSink/config/validate",
                "{\"connector.class\":\"FileStreamSource\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Included connector type FileStreamSource does not match request type FileStreamSink");
    }

    @Test
    void validationWithoutAConnectorClassIsABadRequest() {
        RestTestServer.Answer answer = worker.put("/connector-plugins/FileStreamSource/config/validate",
                "{\"topic\":\"t\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).startsWith("Connector config {topic=t} contains no connector "
                + "type");
    }

    @Test
    void validationOfAnUnknownConnectorClassIsABadRequest() {
        RestTestServer.Answer answer = worker.put("/connector-plugins/Nope/config/validate",
                "{\"connector.class\":\"Nope\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).contains("Nope");
    }

    @Test
    void validationWithoutABodyIsABadRequest() {
        assertThat(worker.put("/connector-plugins/FileStreamSource/config/validate", null).status())
                .isEqualTo(400);
    }

    private static List<String> names(JsonNode keysOrInfos) {
        List<String> names = new ArrayList<>();
        JsonNode list = keysOrInfos.has("configs") ? keysOrInfos.get("configs") : keysOrInfos;
        list.forEach(node -> names.add((node.has("definition") ? node.get("definition") : node).get("name").asText()));
        return names;
    }

    private static JsonNode find(JsonNode keys, String name) {
        for (JsonNode key : keys) {
            if (key.get("name").asText().equals(name)) {
                return key;
            }
        }
        throw new AssertionError("No setting " + name + " in " + keys);
    }

    private static JsonNode valueOf(JsonNode infos, String name) {
        for (JsonNode info : infos.get("configs")) {
            if (info.get("value").get("name").asText().equals(name)) {
                return info.get("value");
            }
        }
        throw new AssertionError("No setting " + name + " in " + infos);
    }
}
