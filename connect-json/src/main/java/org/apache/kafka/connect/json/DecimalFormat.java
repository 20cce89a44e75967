package org.apache.kafka.connect.json;

/** How {@code org.apache.kafka.connect.data.Decimal} values are written as JSON. */
public enum DecimalFormat {
    /** The unscaled two's-complement bytes, base64 encoded in a JSON string. */
    BASE64,
    /** A JSON number carrying the exact decimal value. */
    NUMERIC
}
