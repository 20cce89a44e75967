package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import io.tributary.connect.ManualTime;
import io.tributary.connect.config.AutoRestartConfig;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private static final AutoRestartConfig.Settings UNLIMITED = new AutoRestartConfig.Settings(true, 1_000, 10_000, -1);

    private final ManualTime time = new ManualTime();
    private final RestartBackoff backoff = new RestartBackoff();

    @Test
    void waitDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(failNow(UNLIMITED)).hasValue(1_000);
        assertThat(failNow(UNLIMITED)).hasValue(2_000);
        assertThat(failNow(UNLIMITED)).hasValue(4_000);
        assertThat(failNow(UNLIMITED)).hasValue(8_000);
        assertThat(failNow(UNLIMITED)).hasValue(10_000);
        assertThat(failNow(UNLIMITED)).hasValue(10_000);
        assertThat(backoff.attempts()).isEqualTo(6);
    }

    @Test
    void unlimitedAttemptsNeverGiveUpAndNeverOverflow() {
        for (int i = 0; i < 200; i++) {
            assertThat(failNow(UNLIMITED)).isPresent();
        }
        assertThat(failNow(UNLIMITED)).hasValue(10_000);
    }

    @Test
    void givesUpOnceTheMaximumAttemptsWereMade() {
        AutoRestartConfig.Settings three = new AutoRestartConfig.Settings(true, 1_000, 10_000, 3);

        assertThat(failNow(three)).hasValue(1_000);
        assertThat(failNow(three)).hasValue(2_000);
        assertThat(failNow(three)).hasValue(4_000);
        assertThat(failNow(three)).isEmpty();
        assertThat(failNow(three)).isEmpty();
    }

    @Test
    void zeroAttemptsMeansNoAutomaticRestartAtAll() {
        assertThat(failNow(new AutoRestartConfig.Settings(true, 1_000, 10_000, 0))).isEmpty();
    }

    @Test
    void runningForTheHealthyPeriodStartsOver() {
        AutoRestartConfig.Settings two = new AutoRestartConfig.Settings(true, 1_000, 10_000, 2);
        failNow(two);
        failNow(two);

        backoff.running(time.milliseconds());
        time.advance(two.healthyPeriodMs());

        assertThat(failNow(two)).hasValue(1_000);
        assertThat(backoff.attempts()).isEqualTo(1);
    }

    @Test
    void runningShorterThanTheHealthyPeriodKeepsCounting() {
        AutoRestartConfig.Settings two = new AutoRestartConfig.Settings(true, 1_000, 10_000, 2);
        failNow(two);
        failNow(two);

        backoff.running(time.milliseconds());
        time.advance(two.healthyPeriodMs() - 1);

        assertThat(failNow(two)).isEmpty();
    }

    @Test
    void aHealthyRunBeforeAnEarlierFailureDoesNotCountTwice() {
        backoff.running(time.milliseconds());
        time.advance(UNLIMITED.healthyPeriodMs());
        assertThat(failNow(UNLIMITED)).hasValue(1_000);

        time.advance(UNLIMITED.healthyPeriodMs());
        assertThat(failNow(UNLIMITED)).hasValue(2_000);
    }

    @Test
    void aUserRestartStartsOver() {
        failNow(UNLIMITED);
        failNow(UNLIMITED);

        backoff.reset();

        assertThat(failNow(UNLIMITED)).hasValue(1_000);
    }

    @Test
    void zeroInitialBackoffRestartsAtOnceEveryTime() {
        AutoRestartConfig.Settings immediate = new AutoRestartConfig.Settings(true, 0, 10_000, -1);
        assertThat(failNow(immediate)).hasValue(0);
        assertThat(failNow(immediate)).hasValue(0);
    }

    private OptionalLong failNow(AutoRestartConfig.Settings settings) {
        return backoff.failed(time.milliseconds(), settings);
    }
}
