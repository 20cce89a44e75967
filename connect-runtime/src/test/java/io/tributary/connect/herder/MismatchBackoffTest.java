package io.tributary.connect.herder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MismatchBackoffTest {

    @Test
    void theFirstFailedRoundRejoinsAtOnceThenTheDelayDoublesUpToTheCap() {
        MismatchBackoff backoff = new MismatchBackoff(1_000);

        assertThat(backoff.failedRound()).isZero();
        assertThat(backoff.failedRound()).isEqualTo(100);
        assertThat(backoff.failedRound()).isEqualTo(200);
        assertThat(backoff.failedRound()).isEqualTo(400);
        assertThat(backoff.failedRound()).isEqualTo(800);
        assertThat(backoff.failedRound()).isEqualTo(1_000);
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.failedRound()).isEqualTo(1_000);
        }
        assertThat(backoff.failedRounds()).isEqualTo(106);
    }

    @Test
    void aSuccessfulRoundStartsOver() {
        MismatchBackoff backoff = new MismatchBackoff(10_000);
        backoff.failedRound();
        backoff.failedRound();

        backoff.reset();

        assertThat(backoff.failedRound()).isZero();
        assertThat(backoff.failedRound()).isEqualTo(100);
    }
}
