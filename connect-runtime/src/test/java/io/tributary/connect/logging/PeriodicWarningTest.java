package io.tributary.connect.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.connect.ManualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicWarningTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("periodic-warning-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final ManualTime time = new ManualTime();
    private final PeriodicWarning warning = new PeriodicWarning(logger, time, 30_000);

    PeriodicWarningTest() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    @Test
    void theFirstOccurrenceIsLoggedAndRepeatsWithinTheIntervalAreCountedIntoTheNextReport() {
        assertThat(warning.warn("offsets differ: {} and {}", 6, 7)).isTrue();
        for (int i = 0; i < 99; i++) {
            time.sleep(100);
            assertThat(warning.warn("offsets differ: {} and {}", 6, 7)).isFalse();
        }
        time.sleep(20_100);
        assertThat(warning.warn("offsets differ: {} and {}", 6, 8)).isTrue();

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "offsets differ: 6 and 7",
                "offsets differ: 6 and 8 (100 times in the last 30000 ms)");
    }

    @Test
    void afterAResetTheNextOccurrenceIsLoggedAtOnce() {
        warning.warn("stuck");
        warning.reset();
        time.sleep(1);

        assertThat(warning.warn("stuck")).isTrue();
        assertThat(lines.list).hasSize(2);
    }
}
