package org.apache.kafka.connect.transforms;

import java.text.SimpleDateFormat;

/** The configured settings a timestamp conversion needs beyond the source and target kinds. */
record TimestampConversion(SimpleDateFormat format, UnixPrecision precision) {
}
