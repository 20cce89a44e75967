package org.apache.kafka.connect.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a growing byte stream into UTF-8 lines ended by "\n", "\r\n" or "\r", remembering the byte position
 * after each line. Reads in large chunks and only what is available, so it never blocks on a live file or
 * standard input; an unfinished last line waits in the buffer until its end arrives.
 */
final class LineReader {

    /** A complete line and the stream position just after its terminator. */
    record Line(String text, long positionAfter) {
    }

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private byte[] buffer = new byte[CHUNK];
    private int start;
    private int end;
    private int scanned;
    private long position;

    LineReader(InputStream in, long startPosition) {
        this.in = in;
        this.position = startPosition;
    }

    /** The next complete line already buffered, or null when more bytes are needed. */
    Line nextLine() {
        for (int i = scanned; i < end; i++) {
            byte b = buffer[i];
            if (b == '\n' || b == '\r') {
                int terminatorLength = 1;
                if (b == '\r') {
                    if (i + 1 == end) {
                        // A '\n' may still follow; deciding now could split one "\r\n" across two lines.
                        scanned = i;
                        return null;
                    }
                    if (buffer[i + 1] == '\n') {
                        terminatorLength = 2;
                    }
                }
                String text = new String(buffer, start, i - start, StandardCharsets.UTF_8);
                position += i - start + terminatorLength;
                start = i + terminatorLength;
                scanned = start;
                return new Line(text, position);
            }
        }
        scanned = end;
        return null;
    }

    /** Reads whatever is available now; returns false when nothing new arrived. */
    boolean fill() throws IOException {
        if (in.available() <= 0) {
            return false;
        }
        makeRoom();
        int read = in.read(buffer, end, buffer.length - end);
        if (read <= 0) {
            return false;
        }
        end += read;
        return true;
    }

    private void makeRoom() {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }
}
