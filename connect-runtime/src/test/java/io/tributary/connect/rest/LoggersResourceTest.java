package io.tributary.connect.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

import static io.tributary.connect.rest.RestTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** /admin/loggers of a real standalone worker drives Logback levels at run time. Each test uses its own logger names. */
@ExtendWith(KafkaBrokerExtension.class)
class LoggersResourceTest {

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
    void listsKnownLoggersWithTheirEffectiveLevelIncludingRoot() {
        logger("test.list.a").setLevel(Level.DEBUG);

        RestTestServer.Answer answer = worker.get("/admin/loggers");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("test.list.a")).isEqualTo(json("{\"level\":\"DEBUG\",\"last_modified\":null}"));
        assertThat(answer.json().get("root").get("level").asText()).isEqualTo("WARN");
    }

    @Test
    void getAnswersTheLevelWithNoModificationTimeBeforeAChange() {
        logger("test.get.a").setLevel(Level.INFO);

        RestTestServer.Answer answer = worker.get("/admin/loggers/test.get.a");

        assertThat(answer.json()).isEqualTo(json("{\"level\":\"INFO\",\"last_modified\":null}"));
    }

    @Test
    void getOfAnUnknownLoggerIs404() {
        RestTestServer.Answer answer = worker.get("/admin/loggers/does.not.exist");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"Logger does.not.exist not found.\"}"));
    }

    @Test
    void putChangesTheLoggerAndItsDescendantsAndListsThem() {
        logger("test.put.a.child");
        logger("test.put.a.other.grandchild").setLevel(Level.ERROR);
        logger("test.put.ab");

        RestTestServer.Answer answer = worker.put("/admin/loggers/test.put.a", "{\"level\":\"DEBUG\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json(
                "[\"test.put.a\",\"test.put.a.child\",\"test.put.a.other\",\"test.put.a.other.grandchild\"]"));
        assertThat(logger("test.put.a.other.grandchild").getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(logger("test.put.ab").getEffectiveLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void putOfTheCurrentLevelChangesNothing() {
        worker.put("/admin/loggers/test.same", "{\"level\":\"ERROR\"}");

        RestTestServer.Answer answer = worker.put("/admin/loggers/test.same", "{\"level\":\"ERROR\"}");

        assertThat(answer.json()).isEqualTo(json("[]"));
    }

    @Test
    void putRecordsTheModificationTime() {
        long before = System.currentTimeMillis();

        worker.put("/admin/loggers/test.time", "{\"level\":\"TRACE\"}");

        RestTestServer.Answer answer = worker.get("/admin/loggers/test.time");
        assertThat(answer.json().get("level").asText()).isEqualTo("TRACE");
        assertThat(answer.json().get("last_modified").asLong()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void levelNamesAreCaseInsensitive() {
        RestTestServer.Answer answer = worker.put("/admin/loggers/test.lower", "{\"level\":\"debug\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(logger("test.lower").getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void putWithoutALevelIsABadRequest() {
        RestTestServer.Answer answer = worker.put("/admin/loggers/test.nolevel", "{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).isEqualTo(json(
                "{\"error_code\":400,\"message\":\"Desired 'level' parameter was not specified in request.\"}"));
    }

    @Test
    void putOfAnUnknownLevelIs404AsInKafkaConnect() {
        RestTestServer.Answer answer = worker.put("/admin/loggers/test.badlevel", "{\"level\":\"NOPE\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"invalid log level 'NOPE'.\"}"));
    }

    @Test
    void clusterScopeOfAStandaloneWorkerAppliesHereAndAnswers204() {
        RestTestServer.Answer answer = worker.put("/admin/loggers/test.cluster?scope=cluster", "{\"level\":\"INFO\"}");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(logger("test.cluster").getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void fatalIsAcceptedAsError() {
        worker.put("/admin/loggers/test.fatal", "{\"level\":\"FATAL\"}");

        assertThat(logger("test.fatal").getLevel()).isEqualTo(Level.ERROR);
    }

    private static Logger logger(String name) {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(name);
    }
}
