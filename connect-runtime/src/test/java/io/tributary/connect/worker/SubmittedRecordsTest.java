package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

class SubmittedRecordsTest {

    private static final Map<String, Object> FILE_A = Map.of("file", "a");
    private static final Map<String, Object> FILE_B = Map.of("file", "b");

    private final SubmittedRecords records = new SubmittedRecords(Time.SYSTEM);

    @Test
    void acknowledgedRecordsMakeTheirLatestOffsetCommittable() {
        records.submit(FILE_A, offset(1)).ack();
        records.submit(FILE_A, offset(2)).ack();

        assertThat(records.committableOffsets().offsets()).isEqualTo(Map.of(FILE_A, offset(2)));
    }

    @Test
    void unacknowledgedEarlierRecordHoldsBackLaterOffsetsOfItsPartition() {
        records.submit(FILE_A, offset(1)).ack();
        SubmittedRecords.Submitted second = records.submit(FILE_A, offset(2));
        records.submit(FILE_A, offset(3)).ack();

        SubmittedRecords.CommittableOffsets first = records.committableOffsets();
        assertThat(first.offsets()).isEqualTo(Map.of(FILE_A, offset(1)));
        assertThat(first.pending()).isEqualTo(2);

        second.ack();
        assertThat(records.committableOffsets().offsets()).isEqualTo(Map.of(FILE_A, offset(3)));
    }

    @Test
    void partitionsAreTrackedIndependently() {
        records.submit(FILE_A, offset(1));
        records.submit(FILE_B, offset(7)).ack();

        assertThat(records.committableOffsets().offsets()).isEqualTo(Map.of(FILE_B, offset(7)));
    }

    @Test
    void offsetsAlreadyTakenAreNotAnsweredAgain() {
        records.submit(FILE_A, offset(1)).ack();
        records.committableOffsets();

        assertThat(records.committableOffsets().offsets()).isEmpty();
    }

    @Test
    void recordsWithoutSourcePartitionKeepNoOffset() {
        records.submit(null, null).ack();

        assertThat(records.committableOffsets().offsets()).isEmpty();
    }

    @Test
    void awaitingAcknowledgementsTimesOutWhileOneIsMissing() throws InterruptedException {
        records.submit(FILE_A, offset(1));

        assertThat(records.awaitAllAcked(10, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void awaitingAcknowledgementsReturnsOnceAllAreIn() throws InterruptedException {
        SubmittedRecords.Submitted record = records.submit(FILE_A, offset(1));
        new Thread(record::ack).start();

        assertThat(records.awaitAllAcked(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void offsetsAreCommittableOnceAPartitionsOldestRecordIsAcknowledged() {
        SubmittedRecords.Submitted first = records.submit(FILE_A, offset(1));
        records.submit(FILE_A, offset(2)).ack();
        assertThat(records.hasCommittableOffsets()).isFalse();

        first.ack();

        assertThat(records.hasCommittableOffsets()).isTrue();
    }

    @Test
    void takenOffsetsAreNoLongerCommittable() {
        records.submit(FILE_A, offset(1)).ack();

        records.committableOffsets();

        assertThat(records.hasCommittableOffsets()).isFalse();
    }

    @Test
    void recordsWithoutSourcePartitionNeverMakeOffsetsCommittable() {
        records.submit(null, null).ack();

        assertThat(records.hasCommittableOffsets()).isFalse();
    }

    private static Map<String, Object> offset(long position) {
        return Map.of("position", position);
    }

    @Test
    void awaitAtMostAnswersAtOnceWhenFewEnoughRecordsAreUnacknowledged() throws Exception {
        SubmittedRecords records = new SubmittedRecords(Time.SYSTEM);
        records.submit(Map.of("p", 1), Map.of("o", 1)).ack();
        records.submit(Map.of("p", 1), Map.of("o", 2));

        assertThat(records.awaitAtMost(1, 0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(records.awaitAtMost(0, 1, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void awaitAtMostWakesWhenAnAcknowledgementBringsTheCountDown() throws Exception {
        SubmittedRecords records = new SubmittedRecords(Time.SYSTEM);
        records.submit(Map.of("p", 1), Map.of("o", 1));
        SubmittedRecords.Submitted second = records.submit(Map.of("p", 1), Map.of("o", 2));
        Thread acker = new Thread(second::ack);
        acker.start();

        assertThat(records.awaitAtMost(1, 30, TimeUnit.SECONDS)).isTrue();
        acker.join();
        assertThat(records.unacknowledged()).isEqualTo(1);
    }

    @Test
    void droppedNewestRecordIsForgotten() {
        records.submit(FILE_A, offset(1)).ack();
        records.submit(FILE_A, offset(2)).drop();

        assertThat(records.unacknowledged()).isZero();
        assertThat(records.committableOffsets())
                .isEqualTo(new SubmittedRecords.CommittableOffsets(Map.of(FILE_A, offset(1)), 0));
    }

    @Test
    void droppedRecordNoLongerHoldsBackTheRecordSubmittedAgainInItsPlace() {
        records.submit(FILE_A, offset(1)).drop();

        records.submit(FILE_A, offset(1)).ack();

        assertThat(records.committableOffsets().offsets()).isEqualTo(Map.of(FILE_A, offset(1)));
    }

    @Test
    void droppingTheOnlyUnacknowledgedRecordEndsTheWaitForAcknowledgements() throws InterruptedException {
        records.submit(FILE_A, offset(1)).ack();
        records.submit(FILE_A, offset(2)).drop();

        assertThat(records.awaitAllAcked(0, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void droppingLeavesOtherPartitionsAlone() {
        records.submit(FILE_B, offset(7));
        records.submit(FILE_A, offset(1)).drop();

        assertThat(records.unacknowledged()).isEqualTo(1);
        assertThat(records.committableOffsets().pending()).isEqualTo(1);
    }

    @Test
    void droppingARecordWithANewerOneInItsPartitionIsRefused() {
        SubmittedRecords.Submitted older = records.submit(FILE_A, offset(1));
        records.submit(FILE_A, offset(2));

        assertThatThrownBy(older::drop).isInstanceOf(IllegalStateException.class);
        assertThat(records.unacknowledged()).isEqualTo(2);
    }

    @Test
    void droppingARecordTwiceIsRefused() {
        SubmittedRecords.Submitted record = records.submit(FILE_A, offset(1));
        record.drop();

        assertThatThrownBy(record::drop).isInstanceOf(IllegalStateException.class);
    }
}
