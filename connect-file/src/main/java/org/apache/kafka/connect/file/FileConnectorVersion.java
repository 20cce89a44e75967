package org.apache.kafka.connect.file;

import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The version these connectors report: the Kafka Connect release whose behaviour they implement,
 * as Apache's own file connectors do, so REST answers read the same on either runtime.
 */
final class FileConnectorVersion {

    private FileConnectorVersion() {
    }

    static String get() {
        return AppInfoParser.getVersion();
    }
}
