package org.apache.kafka.connect.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One JsonConverter configuration used on both sides of the differential tests. */
record ConverterSettings(boolean schemasEnabled, String decimalFormat, boolean replaceNullWithDefault, boolean isKey,
                         int schemaCacheSize) {

    /** Every combination that can change what is written. */
    static List<ConverterSettings> forWriting() {
        List<ConverterSettings> all = new ArrayList<>();
        for (boolean schemas : new boolean[] {true, false}) {
            for (String format : new String[] {"BASE64", "numeric"}) {
                for (boolean replace : new boolean[] {true, false}) {
                    all.add(new ConverterSettings(schemas, format, replace, !replace, 1000));
                }
            }
        }
        // A one-entry cache keeps evicting: results must not depend on what is cached.
        all.add(new ConverterSettings(true, "NUMERIC", true, false, 1));
        return all;
    }

    /** Every combination that can change what is read (the decimal format only affects writing). */
    static List<ConverterSettings> forReading() {
        List<ConverterSettings> all = new ArrayList<>();
        for (boolean schemas : new boolean[] {true, false}) {
            for (boolean replace : new boolean[] {true, false}) {
                all.add(new ConverterSettings(schemas, "BASE64", replace, replace, 1000));
            }
        }
        all.add(new ConverterSettings(true, "BASE64", true, false, 1));
        return all;
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new HashMap<>();
        map.put(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, schemasEnabled);
        map.put(JsonConverterConfig.DECIMAL_FORMAT_CONFIG, decimalFormat);
        map.put(JsonConverterConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG, Boolean.toString(replaceNullWithDefault));
        map.put(JsonConverterConfig.SCHEMAS_CACHE_SIZE_CONFIG, schemaCacheSize);
        return map;
    }

    @Override
    public String toString() {
        return "schemas=" + schemasEnabled + " decimal=" + decimalFormat + " replaceNull=" + replaceNullWithDefault
                + (isKey ? " key" : " value") + (schemaCacheSize == 1000 ? "" : " cache=" + schemaCacheSize);
    }
}
