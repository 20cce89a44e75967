package org.apache.kafka.connect.file;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Reads lines from a file (or standard input when no file is given) into one topic. A demonstration
 * connector: it always runs a single task.
 */
public class FileStreamSourceConnector extends SourceConnector {

    public static final String TOPIC_CONFIG = "topic";
    public static final String FILE_CONFIG = "file";
    public static final String TASK_BATCH_SIZE_CONFIG = "batch.size";
    public static final int DEFAULT_TASK_BATCH_SIZE = 2000;

    static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(FILE_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
            "File to read; standard input when unset or empty.")
        .define(TOPIC_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
            ConfigDef.Importance.HIGH, "Topic the lines are written to.")
        .define(TASK_BATCH_SIZE_CONFIG, ConfigDef.Type.INT, DEFAULT_TASK_BATCH_SIZE, ConfigDef.Importance.LOW,
            "Most lines one poll returns.");

    private Map<String, String> props;

    @Override
    public String version() {
        return FileConnectorVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new AbstractConfig(CONFIG_DEF, props);
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FileStreamSourceTask.class;
    }

    /** One task whatever the maximum: a file has a single reading position. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /** A file's position is replayable, so exactly once works; standard input cannot be re-read. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> props) {
        String file = new AbstractConfig(CONFIG_DEF, props).getString(FILE_CONFIG);
        return file == null || file.isEmpty() ? ExactlyOnceSupport.UNSUPPORTED : ExactlyOnceSupport.SUPPORTED;
    }

    /** Accepts offsets of this connector's shape: {filename: path} to {position: non-negative Long}, or null. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            Map<String, ?> partition = entry.getKey();
            if (partition == null || !partition.containsKey(FileStreamSourceTask.FILENAME_FIELD)) {
                throw new ConnectException("A source partition must contain the key '"
                    + FileStreamSourceTask.FILENAME_FIELD + "'");
            }
            Map<String, ?> offset = entry.getValue();
            if (offset == null) {
                continue;
            }
            if (!offset.containsKey(FileStreamSourceTask.POSITION_FIELD)) {
                throw new ConnectException("A source offset must be null or contain the key '"
                    + FileStreamSourceTask.POSITION_FIELD + "'");
            }
            if (!(offset.get(FileStreamSourceTask.POSITION_FIELD) instanceof Long position)) {
                throw new ConnectException("The '" + FileStreamSourceTask.POSITION_FIELD
                    + "' of a source offset must be a Long");
            }
            if (position < 0) {
                throw new ConnectException("The '" + FileStreamSourceTask.POSITION_FIELD
                    + "' of a source offset must not be negative");
            }
        }
        return true;
    }
}
