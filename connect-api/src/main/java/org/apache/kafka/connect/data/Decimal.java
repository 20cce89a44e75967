package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Logical type for arbitrary-precision decimals: a BYTES schema holding the big-endian two's
 * complement unscaled value, with the scale kept in the {@value #SCALE_FIELD} parameter.
 */
public class Decimal {
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Decimal";
    public static final String SCALE_FIELD = "scale";

    /** A builder for a Decimal schema with the given scale, to which more attributes may be added. */
    public static SchemaBuilder builder(int scale) {
        return SchemaBuilder.bytes()
                .name(LOGICAL_NAME)
                .parameter(SCALE_FIELD, Integer.toString(scale))
                .version(1);
    }

    public static Schema schema(int scale) {
        return builder(scale).build();
    }

    /** Encodes the value's unscaled digits; its scale must equal the schema's. */
    public static byte[] fromLogical(Schema schema, BigDecimal value) {
        int schemaScale = scale(schema);
        if (value.scale() != schemaScale) {
            throw new DataException("Decimal value has mismatching scale for given Decimal schema. Schema has scale "
                    + schemaScale + ", value has scale " + value.scale() + ".");
        }
        return value.unscaledValue().toByteArray();
    }

    public static BigDecimal toLogical(Schema schema, byte[] value) {
        return new BigDecimal(new BigInteger(value), scale(schema));
    }

    private static int scale(Schema schema) {
        if (schema.parameters() == null) {
            throw new NullPointerException("Decimal schema " + schema + " has no parameters, so no scale");
        }
        String scale = schema.parameters().get(SCALE_FIELD);
        if (scale == null) {
            throw new DataException("Invalid Decimal schema: scale parameter not found.");
        }
        try {
            return Integer.parseInt(scale);
        } catch (NumberFormatException e) {
            throw new DataException("Invalid scale parameter found in Decimal schema: " + scale, e);
        }
    }
}
