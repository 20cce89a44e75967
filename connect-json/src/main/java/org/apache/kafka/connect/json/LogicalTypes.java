package org.apache.kafka.connect.json;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/** JSON encodings of the built-in logical types, looked up by schema name. */
final class LogicalTypes {

    /** Converts one logical type in both directions. */
    interface Codec {
        JsonNode toJson(Schema schema, Object value, DecimalFormat decimalFormat);

        Object toConnect(Schema schema, JsonNode json);
    }

    private static final JsonNodeFactory NODES = JsonMappers.EXACT_DECIMALS;

    private static final Map<String, Codec> CODECS = Map.of(
            Decimal.LOGICAL_NAME, new DecimalCodec(),
            Date.LOGICAL_NAME, new DateCodec(),
            Time.LOGICAL_NAME, new TimeCodec(),
            Timestamp.LOGICAL_NAME, new TimestampCodec());

    private LogicalTypes() {
    }

    /** The codec for a schema name, or null when the name is not a built-in logical type. */
    static Codec forName(String schemaName) {
        return schemaName == null ? null : CODECS.get(schemaName);
    }

    private static final class DecimalCodec implements Codec {
        @Override
        public JsonNode toJson(Schema schema, Object value, DecimalFormat decimalFormat) {
            if (!(value instanceof BigDecimal decimal)) {
                throw new DataException("Decimal value must be a java.math.BigDecimal, got " + value.getClass());
            }
            return switch (decimalFormat) {
                case NUMERIC -> NODES.numberNode(decimal);
                case BASE64 -> NODES.binaryNode(Decimal.fromLogical(schema, decimal));
            };
        }

        @Override
        public Object toConnect(Schema schema, JsonNode json) {
            if (json.isNumber()) {
                return json.decimalValue();
            }
            if (json.isBinary() || json.isTextual()) {
                try {
                    return Decimal.toLogical(schema, json.binaryValue());
                } catch (Exception e) {
                    throw new DataException("Decimal payload is not valid base64 of an unscaled value", e);
                }
            }
            throw new DataException("Decimal payload must be a JSON number or a base64 string, got "
                    + json.getNodeType());
        }
    }

    private static final class DateCodec implements Codec {
        @Override
        public JsonNode toJson(Schema schema, Object value, DecimalFormat decimalFormat) {
            return NODES.numberNode(Date.fromLogical(schema, requireDate(value, "Date")));
        }

        @Override
        public Object toConnect(Schema schema, JsonNode json) {
            if (!json.isInt()) {
                throw new DataException("Date payload must be a JSON integer (days since epoch), got "
                        + json.getNodeType());
            }
            return Date.toLogical(schema, json.intValue());
        }
    }

    private static final class TimeCodec implements Codec {
        @Override
        public JsonNode toJson(Schema schema, Object value, DecimalFormat decimalFormat) {
            return NODES.numberNode(Time.fromLogical(schema, requireDate(value, "Time")));
        }

        @Override
        public Object toConnect(Schema schema, JsonNode json) {
            if (!json.isInt()) {
                throw new DataException("Time payload must be a JSON integer (milliseconds since midnight), got "
                        + json.getNodeType());
            }
            return Time.toLogical(schema, json.intValue());
        }
    }

    private static final class TimestampCodec implements Codec {
        @Override
        public JsonNode toJson(Schema schema, Object value, DecimalFormat decimalFormat) {
            return NODES.numberNode(Timestamp.fromLogical(schema, requireDate(value, "Timestamp")));
        }

        @Override
        public Object toConnect(Schema schema, JsonNode json) {
            if (!json.isIntegralNumber()) {
                throw new DataException("Timestamp payload must be a JSON integer (milliseconds since epoch), got "
                        + json.getNodeType());
            }
            return Timestamp.toLogical(schema, json.longValue());
        }
    }

    private static java.util.Date requireDate(Object value, String logicalType) {
        if (!(value instanceof java.util.Date date)) {
            throw new DataException(logicalType + " value must be a java.util.Date, got " + value.getClass());
        }
        return date;
    }
}
