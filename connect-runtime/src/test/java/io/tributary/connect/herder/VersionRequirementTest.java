package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionRequirementTest {

    @Test
    void aPlainVersionMatchesOnlyItself() {
        assertThat(VersionRequirement.parse("4.1.1").matches("4.1.1")).isTrue();
        assertThat(VersionRequirement.parse("4.1").matches("4.1.1")).isFalse();
    }

    @Test
    void aPlainVersionPrintsAsTheRangeOfItself() {
        assertThat(VersionRequirement.parse("9.9").asRange()).isEqualTo("[9.9,9.9]");
    }

    @Test
    void aHalfOpenRangeExcludesItsUpperBound() {
        VersionRequirement range = VersionRequirement.parse("[1.0,5.0)");

        assertThat(range.matches("4.1.1")).isTrue();
        assertThat(range.matches("5.0")).isFalse();
        assertThat(range.matches("0.9")).isFalse();
    }

    @Test
    void anyOfSeveralRangesMayMatch() {
        VersionRequirement ranges = VersionRequirement.parse("[1.0,2.0),[3.0,)");

        assertThat(ranges.matches("10.2")).isTrue();
        assertThat(ranges.matches("2.5")).isFalse();
    }

    @Test
    void numericPartsCompareAsNumbers() {
        assertThat(VersionRequirement.compare("1.10", "1.9")).isPositive();
    }
}
