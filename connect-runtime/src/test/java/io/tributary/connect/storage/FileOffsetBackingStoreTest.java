package io.tributary.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOffsetBackingStoreTest {

    @TempDir
    Path dir;

    @Test
    void readsTheOffsetFileOfApacheKafkaConnect() throws Exception {
        Path file = dir.resolve("connect.offsets");
        Files.copy(ReferenceFiles.apacheOffsets(), file);
        FileOffsetBackingStore store = new FileOffsetBackingStore(file);
        store.start();
        try {
            assertThat(store.all().get()).hasSize(2);
            ByteBuffer key = buffer("[\"src2\",{\"filename\":\"/tmp/ref/in.txt\"}]");
            assertThat(store.get(List.of(key)).get()).containsEntry(key, buffer("{\"position\":35}"));
        } finally {
            store.stop();
        }
    }

    @Test
    void writtenOffsetsSurviveARestart() throws Exception {
        Path file = dir.resolve("connect.offsets");
        FileOffsetBackingStore first = new FileOffsetBackingStore(file);
        first.start();
        first.set(Map.of(buffer("k1"), buffer("v1"), buffer("k2"), buffer("v2"))).get();
        first.set(Map.of(buffer("k1"), buffer("v1b"))).get();
        first.stop();

        FileOffsetBackingStore second = new FileOffsetBackingStore(file);
        second.start();
        try {
            assertThat(second.all().get()).isEqualTo(Map.of(buffer("k1"), buffer("v1b"), buffer("k2"), buffer("v2")));
        } finally {
            second.stop();
        }
    }

    @Test
    void nullValueRemovesTheKey() throws Exception {
        Path file = dir.resolve("connect.offsets");
        FileOffsetBackingStore store = new FileOffsetBackingStore(file);
        store.start();
        store.set(Map.of(buffer("k1"), buffer("v1"))).get();
        Map<ByteBuffer, ByteBuffer> removal = new HashMap<>();
        removal.put(buffer("k1"), null);
        store.set(removal).get();
        store.stop();

        assertThat(FileOffsetBackingStore.read(file)).isEmpty();
    }

    @Test
    void writeLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("connect.offsets");
        FileOffsetBackingStore.write(file, Map.of(buffer("k"), buffer("v")));
        FileOffsetBackingStore.write(file, Map.of(buffer("k"), buffer("w")));

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void missingFileMeansNoOffsets() {
        assertThat(FileOffsetBackingStore.read(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void fileHoldingOtherObjectsIsRefused() throws IOException {
        Path file = dir.resolve("evil.offsets");
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            HashMap<Object, Object> map = new HashMap<>();
            map.put(new ArrayList<>(List.of("x")), "y");
            objects.writeObject(map);
        }

        assertThatThrownBy(() -> FileOffsetBackingStore.read(file))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining(file.toString());
    }

    private static ByteBuffer buffer(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
