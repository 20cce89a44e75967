package org.apache.kafka.connect.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * Appends each record's value and a newline to the file. Each batch reaches the file when put()
 * returns (written in a few large chunks, as readers tailing the file expect lines to appear as they arrive);
 * a write error surfaces on flush, before the worker commits the offsets of lines that never landed.
 */
public class FileStreamSinkTask extends SinkTask {

    private static final String LINE_SEPARATOR = System.lineSeparator();
    /** Text is encoded and written whenever this much has gathered (and at the end of each batch). */
    private static final int CHUNK_CHARS = 64 * 1024;
    /** The text buffer is reused unless an unusually large record grew it beyond this. */
    private static final int MAX_RETAINED_CHARS = 1 << 20;

    private PrintStream outputStream;
    private boolean ownsStream;
    /** True for the file this task opened: its charset is known, so text is encoded here a chunk at a time. */
    private boolean encodeAsUtf8;
    private StringBuilder batchText = new StringBuilder();

    public FileStreamSinkTask() {
    }

    /** Writes to the given stream when no file is configured (handy for embedding and tests). */
    public FileStreamSinkTask(PrintStream outputStream) {
        this.outputStream = outputStream;
    }

    @Override
    public String version() {
        return FileConnectorVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        String filename = new AbstractConfig(FileStreamSinkConnector.CONFIG_DEF, props)
            .getString(FileStreamSinkConnector.FILE_CONFIG);
        if (filename == null || filename.isEmpty()) {
            if (outputStream == null) {
                outputStream = System.out;
            }
            ownsStream = false;
            encodeAsUtf8 = false;
            return;
        }
        try {
            outputStream = new PrintStream(new BufferedOutputStream(Files.newOutputStream(Paths.get(filename),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)), false, StandardCharsets.UTF_8);
            ownsStream = true;
            encodeAsUtf8 = true;
        } catch (IOException | RuntimeException e) {
            throw new ConnectException("Cannot open or create file '" + filename + "' for FileStreamSinkTask", e);
        }
    }

    @Override
    public void put(Collection<SinkRecord> sinkRecords) {
        // Lines go out in chunks: per-line println took the stream's lock and ran its encoder for every record,
        // and one buffer for a whole batch of large records would be a huge allocation.
        StringBuilder text = batchText;
        text.setLength(0);
        for (SinkRecord record : sinkRecords) {
            text.append(record.value()).append(LINE_SEPARATOR);
            if (text.length() >= CHUNK_CHARS) {
                writeOut(text);
            }
        }
        writeOut(text);
        outputStream.flush();
        if (text.capacity() > MAX_RETAINED_CHARS) {
            batchText = new StringBuilder();
        }
    }

    private void writeOut(StringBuilder text) {
        if (text.length() == 0) {
            return;
        }
        if (encodeAsUtf8) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            outputStream.write(bytes, 0, bytes.length);
        } else {
            outputStream.print(text);
        }
        text.setLength(0);
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // PrintStream swallows I/O errors; checkError() flushes and reports whether any write failed.
        if (outputStream.checkError()) {
            throw new ConnectException("Could not write records to the output of FileStreamSinkTask "
                + "(disk full or file removed?); offsets are not committed so the records will be delivered again");
        }
    }

    @Override
    public void stop() {
        if (outputStream != null && ownsStream) {
            outputStream.close();
        } else if (outputStream != null) {
            outputStream.flush();
        }
    }
}
