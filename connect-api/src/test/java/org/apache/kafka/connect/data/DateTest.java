package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateTest {
    private static final long DAY = 24L * 60 * 60 * 1000;

    @Test
    void schemaIsVersionedInt32WithLogicalName() {
        assertThat(Date.SCHEMA.type()).isEqualTo(Schema.Type.INT32);
        assertThat(Date.SCHEMA.name()).isEqualTo(Date.LOGICAL_NAME);
        assertThat(Date.SCHEMA.version()).isEqualTo(1);
        assertThat(Date.SCHEMA.isOptional()).isFalse();
        assertThat(Date.builder().build()).isEqualTo(Date.SCHEMA);
    }

    @Test
    void fromLogicalCountsDaysSinceEpoch() {
        assertThat(Date.fromLogical(Date.SCHEMA, new java.util.Date(3 * DAY))).isEqualTo(3);
        assertThat(Date.fromLogical(Date.SCHEMA, new java.util.Date(-3 * DAY))).isEqualTo(-3);
    }

    @Test
    void fromLogicalRejectsTimeOfDay() {
        assertThatThrownBy(() -> Date.fromLogical(Date.SCHEMA, new java.util.Date(3 * DAY + 1)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Date.fromLogical(Date.SCHEMA, new java.util.Date(-1)))
                .isInstanceOf(DataException.class);
    }

    @Test
    void toLogicalGivesMidnightUtc() {
        assertThat(Date.toLogical(Date.SCHEMA, 3).getTime()).isEqualTo(3 * DAY);
        assertThat(Date.toLogical(Date.SCHEMA, 100_000).getTime()).isEqualTo(100_000 * DAY);
    }

    @Test
    void optionalVariantIsAccepted() {
        assertThat(Date.fromLogical(Date.builder().optional().build(), new java.util.Date(0))).isZero();
    }

    @Test
    void schemaWithoutLogicalNameIsRejected() {
        assertThatThrownBy(() -> Date.fromLogical(Schema.INT32_SCHEMA, new java.util.Date(0)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Date.toLogical(Schema.INT32_SCHEMA, 0)).isInstanceOf(DataException.class);
    }
}
