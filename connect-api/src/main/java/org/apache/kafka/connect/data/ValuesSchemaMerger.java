package org.apache.kafka.connect.data;

import java.util.List;

/**
 * Finds one schema that fits every value seen so far while parsing an array or map. Numbers widen
 * (integers to the widest integer, anything numeric to a float); otherwise the latest schema of the same
 * type wins. Once two values cannot share a schema, there is no common schema at all.
 */
final class ValuesSchemaMerger {

    private static final List<Schema.Type> NUMERIC_WIDENING = List.of(
            Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32, Schema.Type.INT64,
            Schema.Type.FLOAT32, Schema.Type.FLOAT64);

    private Schema common;
    private boolean incompatible;

    /** Nulls (and values without a schema) say nothing about the common schema. */
    void merge(SchemaAndValue latest) {
        if (incompatible || latest == null || latest.schema() == null) {
            return;
        }
        if (common == null) {
            common = latest.schema();
            return;
        }
        common = commonSchema(common, latest.schema());
        incompatible = common == null;
    }

    boolean hasCommonSchema() {
        return common != null;
    }

    Schema schema() {
        return common;
    }

    private static Schema commonSchema(Schema previous, Schema latest) {
        if (previous.type() == latest.type()) {
            return latest;
        }
        int previousRank = NUMERIC_WIDENING.indexOf(previous.type());
        int latestRank = NUMERIC_WIDENING.indexOf(latest.type());
        if (previousRank < 0 || latestRank < 0) {
            return null;
        }
        return previousRank > latestRank ? previous : latest;
    }
}
