package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetCommitCadenceTest {

    private final OffsetCommitCadence cadence = new OffsetCommitCadence(100, 10_000, 0);

    @Test
    void acknowledgedOffsetsAreDueOnceTheSpacingHasPassed() {
        assertThat(cadence.isDue(99, true)).isFalse();
        assertThat(cadence.isDue(100, true)).isTrue();
    }

    @Test
    void withoutAcknowledgementsAWriteIsDueOnlyAfterTheInterval() {
        assertThat(cadence.isDue(9_999, false)).isFalse();
        assertThat(cadence.isDue(10_000, false)).isTrue();
    }

    @Test
    void spacingCountsFromTheStartOfTheLastWrite() {
        cadence.written(500, true);

        assertThat(cadence.isDue(599, true)).isFalse();
        assertThat(cadence.isDue(600, true)).isTrue();
    }

    @Test
    void afterAFailedWriteOnlyTheIntervalRetries() {
        cadence.written(500, false);

        assertThat(cadence.isDue(5_000, true)).isFalse();
        assertThat(cadence.isDue(10_500, true)).isTrue();
    }

    @Test
    void aSuccessfulWriteAfterAFailureAllowsEarlyWritesAgain() {
        cadence.written(500, false);
        cadence.written(10_500, true);

        assertThat(cadence.isDue(10_600, true)).isTrue();
    }

    @Test
    void anIntervalShorterThanTheSpacingAlsoBoundsTheSpacing() {
        OffsetCommitCadence frequent = new OffsetCommitCadence(100, 30, 0);

        assertThat(frequent.isDue(29, true)).isFalse();
        assertThat(frequent.isDue(30, true)).isTrue();
    }

    @Test
    void checksComeOftenEnoughToStartADueWriteWellWithinTheSpacing() {
        assertThat(cadence.checkEveryMs()).isPositive().isLessThanOrEqualTo(25);
    }
}
