package org.apache.kafka.connect.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.junit.jupiter.api.Test;

class ConnectHeaderTest {

    private static final ConnectHeader HEADER = new ConnectHeader("k", new SchemaAndValue(Schema.STRING_SCHEMA, "v"));

    @Test
    void nullSchemaAndValueMeansNullSchemaAndValue() {
        ConnectHeader header = new ConnectHeader("k", null);
        assertThat(header.schema()).isNull();
        assertThat(header.value()).isNull();
    }

    @Test
    void renameKeepsSchemaAndValue() {
        Header renamed = HEADER.rename("other");
        assertThat(renamed.key()).isEqualTo("other");
        assertThat(renamed.schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(renamed.value()).isEqualTo("v");
    }

    @Test
    void renameToTheSameKeyReturnsTheSameHeader() {
        assertThat(HEADER.rename("k")).isSameAs(HEADER);
    }

    @Test
    void renameToNullFails() {
        assertThatThrownBy(() -> HEADER.rename(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withKeepsTheKey() {
        Header changed = HEADER.with(Schema.INT32_SCHEMA, 5);
        assertThat(changed.key()).isEqualTo("k");
        assertThat(changed.value()).isEqualTo(5);
        assertThat(changed.schema()).isEqualTo(Schema.INT32_SCHEMA);
    }

    @Test
    void equalsAnyHeaderWithTheSameKeySchemaAndValue() {
        Header lookalike = new Header() {
            public String key() {
                return "k";
            }

            public Schema schema() {
                return Schema.STRING_SCHEMA;
            }

            public Object value() {
                return "v";
            }

            public Header with(Schema schema, Object value) {
                return this;
            }

            public Header rename(String key) {
                return this;
            }
        };
        assertThat(HEADER.equals(lookalike)).isTrue();
    }

    @Test
    void hashCombinesTheKeyWithTheSchemaAndValueHash() {
        assertThat(new ConnectHeader("a", null).hashCode()).isEqualTo(Objects.hash("a", Objects.hash(null, null)));
    }

    @Test
    void toStringShowsKeyValueAndSchema() {
        assertThat(HEADER).hasToString("ConnectHeader(key=k, value=v, schema=Schema{STRING})");
    }
}
