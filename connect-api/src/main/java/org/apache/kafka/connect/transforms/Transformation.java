package org.apache.kafka.connect.transforms;

import java.io.Closeable;

import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;

/** A single-message transform: maps each record to a new record, or to null to drop it. */
public interface Transformation<R extends ConnectRecord<R>> extends Configurable, Closeable {

    /** Must not mutate the given record; returns a new one, or null to filter it out. */
    R apply(R record);

    ConfigDef config();

    @Override
    void close();
}
