package io.tributary.connect.storage;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source offsets of a standalone worker in one file, in the format Apache Kafka Connect uses (a
 * Java-serialized {@code HashMap<byte[], byte[]>}), so either runtime can take over the other's file.
 * Every write replaces the file atomically (temporary file, fsync, rename): a crash leaves the old
 * or the new content, never a torn one.
 */
public class FileOffsetBackingStore extends MemoryOffsetBackingStore {

    private static final Logger log = LoggerFactory.getLogger(FileOffsetBackingStore.class);
    // The file is data, not code: refuse anything but the map (which sizes a Map.Entry[]) and byte arrays.
    private static final ObjectInputFilter ONLY_MAP_OF_BYTES =
            ObjectInputFilter.Config.createFilter("maxdepth=4;java.util.HashMap;java.util.Map$Entry;[B;!*");

    private final Path file;

    public FileOffsetBackingStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public synchronized void start() {
        load(read(file));
        super.start();
        log.info("Reading and writing source offsets in {}", file);
    }

    @Override
    protected void persist(Map<ByteBuffer, ByteBuffer> snapshot) {
        write(file, snapshot);
    }

    /** The offsets in a file written by this class or by Apache Kafka Connect; empty if there is no file. */
    static Map<ByteBuffer, ByteBuffer> read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ONLY_MAP_OF_BYTES);
            Object stored = objects.readObject();
            if (!(stored instanceof HashMap<?, ?> raw)) {
                throw new ConnectException("Offset file " + file + " does not hold a map of offsets");
            }
            Map<ByteBuffer, ByteBuffer> offsets = new HashMap<>();
            raw.forEach((key, value) -> offsets.put(wrap(key), wrap(value)));
            return offsets;
        } catch (NoSuchFileException e) {
            return new HashMap<>();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new ConnectException("Could not read the offset file " + file
                    + "; fix or remove it (offsets will then start from scratch)", e);
        }
    }

    /** Replaces the file with the offsets, atomically and durably. */
    static void write(Path file, Map<ByteBuffer, ByteBuffer> offsets) {
        HashMap<byte[], byte[]> raw = new HashMap<>();
        offsets.forEach((key, value) -> raw.put(bytes(key), value == null ? null : bytes(value)));
        Path dir = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (ObjectOutputStream objects = new ObjectOutputStream(buffer)) {
                objects.writeObject(raw);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer content = ByteBuffer.wrap(buffer.toByteArray());
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            }
            move(temp, file);
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new ConnectException("Could not write the offset file " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    log.warn("Could not remove the temporary offset file {}", temp, e);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("Could not fsync directory {}", dir, e);
        }
    }

    private static ByteBuffer wrap(Object bytes) {
        return bytes == null ? null : ByteBuffer.wrap((byte[]) bytes);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
