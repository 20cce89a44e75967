package io.tributary.connect.config;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Worker settings of standalone mode: the shared ones plus the file that keeps source offsets. */
public class StandaloneConfig extends WorkerConfig {

    public static final String OFFSET_STORAGE_FILE_FILENAME_CONFIG = "offset.storage.file.filename";

    private static final ConfigDef CONFIG = baseConfigDef()
        .define(OFFSET_STORAGE_FILE_FILENAME_CONFIG, Type.STRING, Importance.HIGH,
            "File in which a standalone worker keeps the offsets of its source connectors.");

    public StandaloneConfig(Map<String, String> props) {
        super(CONFIG, props);
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    public String offsetStorageFile() {
        return getString(OFFSET_STORAGE_FILE_FILENAME_CONFIG);
    }
}
