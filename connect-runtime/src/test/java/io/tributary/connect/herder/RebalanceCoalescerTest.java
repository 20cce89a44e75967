package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.ManualTime;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.storage.ClusterConfigState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class RebalanceCoalescerTest {

    private static final Map<String, String> CONFIG = Map.of("connector.class", "FileStreamSource");

    private final ManualTime time = new ManualTime();
    private final AtomicReference<ClusterConfigState> snapshot = new AtomicReference<>(ClusterConfigState.EMPTY);
    private final List<String> requested = new ArrayList<>();
    private final AtomicBoolean requestsQueued = new AtomicBoolean();
    private final RebalanceCoalescer coalescer = new RebalanceCoalescer(snapshot::get, time, requested::add,
            new HerderLoop("unused", time), requestsQueued::get);

    @Test
    void aWantedRebalanceIsAskedForAtOnceWhenNoConnectorAwaitsItsFirstTasks() {
        read(3, Map.of("a", false), Map.of());
        coalescer.connectorsCreated(List.of("a"), 3);

        coalescer.want("a was created");
        coalescer.requestIfDue();

        assertThat(requested).containsExactly("a was created");
        assertThat(coalescer.wanted()).isFalse();
    }

    @Test
    void theNextCreationWaitsForTheFirstTasksOfAConnectorAssignedInTheLastRound() {
        read(3, Map.of("a", false), Map.of());
        coalescer.connectorsCreated(List.of("a"), 3);
        coalescer.assigned(3);
        read(5, Map.of("a", false, "b", false), Map.of());
        coalescer.connectorsCreated(List.of("b"), 5);

        coalescer.want("b was created");
        coalescer.requestIfDue();
        assertThat(requested).isEmpty();

        read(7, Map.of("a", true, "b", false), Map.of());
        coalescer.requestIfDue();
        assertThat(requested).containsExactly("b was created");
    }

    @Test
    void aConnectorWhoseTasksDoNotComeHoldsTheRebalanceBackForABoundedTimeOnly() {
        read(3, Map.of("a", false), Map.of());
        coalescer.connectorsCreated(List.of("a"), 3);
        coalescer.assigned(3);
        coalescer.want("b was created");

        time.advance(RebalanceCoalescer.HOLD_MS - 1);
        coalescer.requestIfDue();
        assertThat(requested).isEmpty();

        time.advance(1);
        coalescer.requestIfDue();
        assertThat(requested).containsExactly("b was created");

        coalescer.want("c was created");
        coalescer.requestIfDue();
        assertThat(requested).as("a connector's wait is used up once").hasSize(2);
    }

    @Test
    void connectorsNotMeantToRunOrCreatedAfterTheRoundsConfigsAreNotWaitedFor() {
        read(5, Map.of("paused", false, "late", false), Map.of("paused", TargetState.PAUSED));
        coalescer.connectorsCreated(List.of("paused"), 3);
        coalescer.connectorsCreated(List.of("late"), 5);
        coalescer.assigned(4);

        coalescer.want("late was created");
        coalescer.requestIfDue();

        assertThat(requested).containsExactly("late was created");
    }

    @Test
    void aRoundAssignedFromConfigsAsNewAsTheChangeAnswersTheWantedRebalance() {
        read(3, Map.of("a", false), Map.of());
        coalescer.want("a was created");

        coalescer.assigned(3);
        coalescer.requestIfDue();

        assertThat(coalescer.wanted()).isFalse();
        assertThat(requested).isEmpty();
    }

    @Test
    void aRoundFromOlderConfigsLeavesTheRebalanceWanted() {
        read(3, Map.of("a", false), Map.of());
        coalescer.want("a was created");

        coalescer.assigned(2);
        coalescer.requestIfDue();

        assertThat(requested).containsExactly("a was created");
    }

    @Test
    void aRoundThatCoversOnlyTheFirstOfTwoChangesLeavesTheRebalanceWanted() {
        read(3, Map.of("a", false), Map.of());
        coalescer.want("a was created");
        read(5, Map.of("a", false, "b", false), Map.of());
        coalescer.want("b was created");

        coalescer.assigned(3);
        coalescer.requestIfDue();

        assertThat(requested).containsExactly("a was created");
    }

    @Test
    void aCreationUnderWayHoldsTheRebalanceBackUntilItIsWritten() {
        read(3, Map.of("a", false), Map.of());
        coalescer.creationStarted();

        coalescer.want("a was created");
        coalescer.requestIfDue();
        assertThat(requested).isEmpty();

        coalescer.creationEnded();
        coalescer.requestIfDue();
        assertThat(requested).containsExactly("a was created");
    }

    @Test
    void requestsQueuedForThisTurnRunBeforeTheRebalanceIsAskedFor() {
        read(3, Map.of("a", false), Map.of());
        requestsQueued.set(true);

        coalescer.want("a was created");
        coalescer.requestIfDue();
        assertThat(requested).isEmpty();

        requestsQueued.set(false);
        coalescer.requestIfDue();
        assertThat(requested).containsExactly("a was created");
    }

    @Test
    void creationsUnderWayHoldTheRebalanceBackForABoundedTimeOnly() {
        read(3, Map.of("a", false), Map.of());
        coalescer.creationStarted();
        coalescer.want("a was created");

        time.advance(RebalanceCoalescer.HOLD_MS);
        coalescer.requestIfDue();

        assertThat(requested).containsExactly("a was created");
    }

    /** Connectors by whether tasks were committed for them; target states where not STARTED. */
    private void read(long offset, Map<String, Boolean> connectors, Map<String, TargetState> targets) {
        Map<String, Map<String, String>> configs = new HashMap<>();
        Map<String, Map<String, String>> applied = new HashMap<>();
        connectors.forEach((name, committed) -> {
            configs.put(name, CONFIG);
            if (committed) {
                applied.put(name, CONFIG);
            }
        });
        snapshot.set(new ClusterConfigState(offset, null, configs, targets, Map.of(), Map.of(), Map.of(), Set.of(),
                applied));
    }
}
