package org.apache.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;
import org.junit.jupiter.api.Test;

class SourceTaskTest {

    @Test
    void fromPropertyIgnoresCaseAndSurroundingWhitespace() {
        assertThat(TransactionBoundary.fromProperty("poll")).isEqualTo(TransactionBoundary.POLL);
        assertThat(TransactionBoundary.fromProperty(" Interval ")).isEqualTo(TransactionBoundary.INTERVAL);
        assertThat(TransactionBoundary.fromProperty("CONNECTOR")).isEqualTo(TransactionBoundary.CONNECTOR);
    }

    @Test
    void fromPropertyRejectsUnknownValues() {
        assertThatThrownBy(() -> TransactionBoundary.fromProperty("bogus")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionBoundary.fromProperty("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultIsNotAPropertyValue() {
        assertThatThrownBy(() -> TransactionBoundary.fromProperty("default"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromPropertyRejectsNull() {
        assertThatThrownBy(() -> TransactionBoundary.fromProperty(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Value for transaction boundary property may not be null");
    }

    @Test
    void defaultIsPoll() {
        assertThat(TransactionBoundary.DEFAULT).isSameAs(TransactionBoundary.POLL);
        assertThat(TransactionBoundary.values()).hasSize(3);
    }

    @Test
    void boundariesPrintInLowerCase() {
        assertThat(TransactionBoundary.INTERVAL).hasToString("interval");
    }

    @Test
    void transactionBoundaryConfigName() {
        assertThat(SourceTask.TRANSACTION_BOUNDARY_CONFIG).isEqualTo("transaction.boundary");
    }
}
