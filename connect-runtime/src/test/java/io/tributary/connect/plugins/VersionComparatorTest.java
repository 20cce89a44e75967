package io.tributary.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VersionComparatorTest {

    @Test
    void ordersNumericallyWithQualifiersBeforeReleasesAndUndefinedFirst() {
        List<String> versions = new ArrayList<>(List.of("2.10.0", "undefined", "2.9.1", "1.0", "1.0-rc1", "10", "1.0.1"));

        versions.sort(VersionComparator.INSTANCE);

        assertThat(versions).containsExactly("undefined", "1.0-rc1", "1.0", "1.0.1", "2.9.1", "2.10.0", "10");
    }

    @Test
    void equalVersionsCompareEqual() {
        assertThat(VersionComparator.INSTANCE.compare("4.1.1", "4.1.1")).isZero();
        assertThat(VersionComparator.INSTANCE.compare("1.01", "1.1")).isZero();
    }
}
