package org.apache.kafka.connect.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Emits one record per line of the file (String value, no key), with source partition {filename: path} and
 * offset {position: byte position after the line}. On start it resumes from the stored position; a file that
 * does not exist yet is retried on later polls. Reading standard input keeps no offsets.
 */
public class FileStreamSourceTask extends SourceTask {

    public static final String FILENAME_FIELD = "filename";
    public static final String POSITION_FIELD = "position";

    private static final long IDLE_WAIT_MS = 1000L;

    private final long idleWaitMs;
    private String filename;
    /** The source partition of every record: one shared immutable map rather than one per line. */
    private Map<String, String> partition;
    private String topic;
    private int batchSize;
    private InputStream stream;
    private LineReader reader;
    private volatile boolean stopping;

    public FileStreamSourceTask() {
        this(IDLE_WAIT_MS);
    }

    /** Lets tests shorten the pause a poll makes when there is nothing to read. */
    FileStreamSourceTask(long idleWaitMs) {
        this.idleWaitMs = idleWaitMs;
    }

    @Override
    public String version() {
        return FileConnectorVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(FileStreamSourceConnector.CONFIG_DEF, props);
        String file = config.getString(FileStreamSourceConnector.FILE_CONFIG);
        filename = file == null || file.isEmpty() ? null : file;
        topic = config.getString(FileStreamSourceConnector.TOPIC_CONFIG);
        batchSize = config.getInt(FileStreamSourceConnector.TASK_BATCH_SIZE_CONFIG);
        stopping = false;
        partition = filename == null ? null : Map.of(FILENAME_FIELD, filename);
        if (filename == null) {
            stream = System.in;
            reader = new LineReader(stream, 0L);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        try {
            if (reader == null && !open()) {
                idle();
                return null;
            }
            List<SourceRecord> records = readBatch();
            if (records.isEmpty()) {
                idle();
                return null;
            }
            return records;
        } catch (IOException e) {
            if (stopping) {
                // stop() closed the stream under us; the worker discards this poll anyway.
                return null;
            }
            throw new ConnectException("Error reading " + describeSource(), e);
        }
    }

    /** Opens the file at the stored position; false when it does not exist yet. */
    private boolean open() throws IOException {
        InputStream opened;
        try {
            opened = Files.newInputStream(Paths.get(filename));
        } catch (NoSuchFileException e) {
            return false;
        }
        long position = storedPosition();
        try {
            skipFully(opened, position);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        stream = opened;
        reader = new LineReader(opened, position);
        return true;
    }

    private long storedPosition() {
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        if (offset == null) {
            return 0L;
        }
        Object position = offset.get(POSITION_FIELD);
        if (position == null) {
            return 0L;
        }
        if (!(position instanceof Long value)) {
            throw new ConnectException("Stored offset position of " + filename + " is not a Long: " + position);
        }
        return value;
    }

    private static void skipFully(InputStream in, long bytes) throws IOException {
        long remaining = bytes;
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                // Past the end (e.g. the file was truncated): read from wherever the file now ends.
                return;
            }
            remaining -= skipped;
        }
    }

    private List<SourceRecord> readBatch() throws IOException {
        // As in Kafka Connect, a batch size below 1 (which the config accepts) means batches of one line.
        int limit = Math.max(1, batchSize);
        List<SourceRecord> records = new ArrayList<>(Math.min(limit, 4096));
        while (records.size() < limit) {
            LineReader.Line line = reader.nextLine();
            if (line != null) {
                records.add(toRecord(line));
            } else if (!reader.fill()) {
                break;
            }
        }
        return records;
    }

    private SourceRecord toRecord(LineReader.Line line) {
        Map<String, ?> offset = filename == null ? null : Map.of(POSITION_FIELD, line.positionAfter());
        return new SourceRecord(partition, offset, topic, null, null, null, Schema.STRING_SCHEMA, line.text(),
            System.currentTimeMillis());
    }

    /** Pauses before the next poll, returning early when the task is stopped. */
    private synchronized void idle() throws InterruptedException {
        if (!stopping) {
            wait(idleWaitMs);
        }
    }

    @Override
    public void stop() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        if (stream != null && stream != System.in) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // Nothing more will be read; a failed close changes nothing for the worker.
            }
        }
    }

    private String describeSource() {
        return filename == null ? "standard input" : filename;
    }
}
