package org.apache.kafka.connect.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ConnectorUtilsTest {

    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    @Test
    void evenSplitGivesEqualContiguousGroups() {
        assertThat(ConnectorUtils.groupPartitions(TEN, 5))
                .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4, 5), List.of(6, 7), List.of(8, 9));
    }

    @Test
    void remainderGoesToTheFirstGroups() {
        assertThat(ConnectorUtils.groupPartitions(TEN, 4))
                .containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7), List.of(8, 9));
    }

    @Test
    void moreGroupsThanElementsLeavesTrailingGroupsEmpty() {
        assertThat(ConnectorUtils.groupPartitions(List.of("a", "b"), 4))
                .containsExactly(List.of("a"), List.of("b"), List.of(), List.of());
    }

    @Test
    void noElementsGiveEmptyGroups() {
        assertThat(ConnectorUtils.groupPartitions(List.of(), 2)).containsExactly(List.of(), List.of());
    }

    @Test
    void groupsAreMutableCopies() {
        List<List<Integer>> groups = ConnectorUtils.groupPartitions(TEN, 3);
        groups.get(0).add(99);
        groups.add(List.of());
        assertThat(groups).hasSize(4);
        assertThat(TEN).hasSize(10);
    }

    @Test
    void zeroOrNegativeGroupCountIsRejected() {
        assertThatThrownBy(() -> ConnectorUtils.groupPartitions(TEN, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Number of groups must be positive.");
        assertThatThrownBy(() -> ConnectorUtils.groupPartitions(TEN, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullElementsAreRejected() {
        assertThatThrownBy(() -> ConnectorUtils.groupPartitions(null, 2)).isInstanceOf(NullPointerException.class);
    }
}
