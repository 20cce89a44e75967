package org.apache.kafka.connect.storage;

import java.util.Collection;
import java.util.Map;

/** Reads source offsets committed earlier, keyed by source partition. */
public interface OffsetStorageReader {

    /** The last committed offset of one source partition, or null if none was committed. */
    <T> Map<String, Object> offset(Map<String, T> partition);

    /** The last committed offsets of several partitions; partitions without an offset may be absent. */
    <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions);
}
