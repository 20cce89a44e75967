package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampTest {

    @Test
    void schemaIsVersionedInt64WithLogicalName() {
        assertThat(Timestamp.SCHEMA.type()).isEqualTo(Schema.Type.INT64);
        assertThat(Timestamp.SCHEMA.name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(Timestamp.SCHEMA.version()).isEqualTo(1);
        assertThat(Timestamp.builder().build()).isEqualTo(Timestamp.SCHEMA);
    }

    @Test
    void convertsToAndFromEpochMillis() {
        assertThat(Timestamp.fromLogical(Timestamp.SCHEMA, new java.util.Date(-5))).isEqualTo(-5L);
        assertThat(Timestamp.toLogical(Timestamp.SCHEMA, 12345L)).isEqualTo(new java.util.Date(12345L));
    }

    @Test
    void schemaWithoutLogicalNameIsRejected() {
        assertThatThrownBy(() -> Timestamp.fromLogical(Schema.INT64_SCHEMA, new java.util.Date(0)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Timestamp.toLogical(Schema.INT64_SCHEMA, 0L)).isInstanceOf(DataException.class);
    }
}
