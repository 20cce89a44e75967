package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** DropHeaders, HeaderFrom and Filter. */
class HeaderTransformsTest {

    private static final Schema SCHEMA = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.STRING_SCHEMA).build();

    private static SourceRecord record() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("keep", "1");
        headers.addString("drop", "2");
        headers.addString("drop", "3");
        return new SourceRecord(null, null, "t", 0, null, null, SCHEMA,
                new Struct(SCHEMA).put("id", 5).put("name", "n"), 0L, headers);
    }

    private static String headerKeys(SourceRecord record) {
        return String.join(",", StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList());
    }

    @Test
    void dropHeadersRemovesEveryHeaderWithTheName() {
        DropHeaders<SourceRecord> drop = new DropHeaders<>();
        drop.configure(Map.of("headers", "drop"));

        assertThat(headerKeys(drop.apply(record()))).isEqualTo("keep");
    }

    @Test
    void headerFromCopyKeepsTheFieldAndAddsATypedHeader() {
        HeaderFrom<SourceRecord> copy = new HeaderFrom.Value<>();
        copy.configure(Map.of("fields", "id", "headers", "id-header", "operation", "copy"));

        SourceRecord out = copy.apply(record());

        Header header = out.headers().lastWithName("id-header");
        assertThat(header.value()).isEqualTo(5);
        assertThat(header.schema()).isEqualTo(Schema.INT32_SCHEMA);
        assertThat(out.valueSchema()).isSameAs(SCHEMA);
    }

    @Test
    void headerFromMoveRemovesTheFieldFromTheSchema() {
        HeaderFrom<SourceRecord> move = new HeaderFrom.Value<>();
        move.configure(Map.of("fields", "id", "headers", "id-header", "operation", "move"));

        SourceRecord out = move.apply(record());

        assertThat(out.valueSchema().fields()).extracting(org.apache.kafka.connect.data.Field::name)
                .containsExactly("name");
        assertThat(headerKeys(out)).endsWith("id-header");
    }

    @Test
    void headerFromNeedsOneHeaderPerField() {
        HeaderFrom<SourceRecord> move = new HeaderFrom.Value<>();

        assertThatThrownBy(() -> move.configure(Map.of("fields", "a,b", "headers", "h", "operation", "move")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void filterDropsTheRecord() {
        assertThat(new Filter<SourceRecord>().apply(record())).isNull();
    }
}
