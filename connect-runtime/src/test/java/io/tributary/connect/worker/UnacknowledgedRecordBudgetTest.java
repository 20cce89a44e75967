package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class UnacknowledgedRecordBudgetTest {

    private final UnacknowledgedRecordBudget budget = new UnacknowledgedRecordBudget();

    @Test
    void aTaskAloneMayHaveTheWholeBudgetInFlight() {
        try (UnacknowledgedRecordBudget.Share share = budget.join()) {
            assertThat(share.limit()).isEqualTo(10_000);
        }
    }

    @Test
    void tasksProducingTogetherShareItEvenly() {
        List<UnacknowledgedRecordBudget.Share> shares = join(4);

        assertThat(shares).allSatisfy(share -> assertThat(share.limit()).isEqualTo(2_500));
    }

    @Test
    void noTaskGetsLessThanTheMinimumHoweverManyShare() {
        List<UnacknowledgedRecordBudget.Share> shares = join(300);

        assertThat(shares.get(0).limit()).isEqualTo(1_000);
    }

    @Test
    void aStoppedOrPausedTaskLeavesItsPartToTheOthers() {
        List<UnacknowledgedRecordBudget.Share> shares = join(4);

        shares.get(0).close();
        shares.get(1).producing(false);
        assertThat(shares.get(2).limit()).isEqualTo(5_000);

        shares.get(1).producing(true);
        assertThat(shares.get(2).limit()).isEqualTo(3_333);
    }

    @Test
    void aShareIsGivenBackOnlyOnce() {
        List<UnacknowledgedRecordBudget.Share> shares = join(2);

        shares.get(0).close();
        shares.get(0).close();

        assertThat(shares.get(1).limit()).isEqualTo(10_000);
        assertThat(budget.join().limit()).isEqualTo(5_000);
    }

    private List<UnacknowledgedRecordBudget.Share> join(int tasks) {
        List<UnacknowledgedRecordBudget.Share> shares = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            shares.add(budget.join());
        }
        return shares;
    }
}
