package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.tributary.connect.logging.LoggerLevels;
import java.util.UUID;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ClusterLoggerLevelsTest {

    private final String namespace = "io.tributary.test.levels" + UUID.randomUUID().toString().replace("-", "");
    private final ClusterLoggerLevels levels = new ClusterLoggerLevels();
    private final ConfigEvents events = new ConfigEvents(() -> { }, levels);

    @Test
    void aLevelReadBeforeTheWorkerStartedIsIgnored() {
        events.onLoggingLevelUpdate(namespace, "TRACE");

        assertThat(logger().getLevel()).isNull();
    }

    @Test
    void aLevelReadAfterTheWorkerStartedIsApplied() {
        levels.attach(new LoggerLevels(Time.SYSTEM));

        events.onLoggingLevelUpdate(namespace, "trace");

        assertThat(logger().getLevel()).isEqualTo(Level.TRACE);
    }

    @Test
    void anInvalidLevelFromTheConfigTopicIsIgnored() {
        levels.attach(new LoggerLevels(Time.SYSTEM));

        events.onLoggingLevelUpdate(namespace, "LOUD");

        assertThat(logger().getLevel()).isNull();
    }

    private Logger logger() {
        return (Logger) LoggerFactory.getLogger(namespace);
    }
}
