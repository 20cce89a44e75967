package io.tributary.connect.transforms;

import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The version every built-in transformation and predicate reports: the Kafka Connect release whose
 * behaviour they implement (4.1.1), as Apache's own built-ins do, so REST answers such as
 * GET /connector-plugins read the same on Tributary as on Apache Kafka Connect.
 */
public final class TransformsVersion {

    private TransformsVersion() {
    }

    public static String get() {
        return AppInfoParser.getVersion();
    }
}
