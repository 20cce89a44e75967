package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeTest {
    private static final int DAY = 24 * 60 * 60 * 1000;

    @Test
    void schemaIsVersionedInt32WithLogicalName() {
        assertThat(Time.SCHEMA.type()).isEqualTo(Schema.Type.INT32);
        assertThat(Time.SCHEMA.name()).isEqualTo(Time.LOGICAL_NAME);
        assertThat(Time.SCHEMA.version()).isEqualTo(1);
        assertThat(Time.builder().build()).isEqualTo(Time.SCHEMA);
    }

    @Test
    void fromLogicalGivesMillisSinceMidnight() {
        assertThat(Time.fromLogical(Time.SCHEMA, new java.util.Date(1000))).isEqualTo(1000);
    }

    @Test
    void fullDayIsTheInclusiveUpperBound() {
        assertThat(Time.fromLogical(Time.SCHEMA, new java.util.Date(DAY))).isEqualTo(DAY);
        assertThat(Time.toLogical(Time.SCHEMA, DAY).getTime()).isEqualTo(DAY);
    }

    @Test
    void fromLogicalRejectsDatesOutsideTheEpochDay() {
        assertThatThrownBy(() -> Time.fromLogical(Time.SCHEMA, new java.util.Date(DAY + 1L)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Time.fromLogical(Time.SCHEMA, new java.util.Date(-1)))
                .isInstanceOf(DataException.class);
    }

    @Test
    void toLogicalRejectsOutOfRangeMillis() {
        assertThatThrownBy(() -> Time.toLogical(Time.SCHEMA, DAY + 1)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Time.toLogical(Time.SCHEMA, -1)).isInstanceOf(DataException.class);
    }

    @Test
    void toLogicalGivesDateOnEpochDay() {
        assertThat(Time.toLogical(Time.SCHEMA, 1000).getTime()).isEqualTo(1000);
    }

    @Test
    void schemaWithoutLogicalNameIsRejected() {
        assertThatThrownBy(() -> Time.fromLogical(Schema.INT32_SCHEMA, new java.util.Date(0)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Time.toLogical(Date.SCHEMA, 0)).isInstanceOf(DataException.class);
    }
}
