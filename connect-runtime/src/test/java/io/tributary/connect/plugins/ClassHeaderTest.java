package io.tributary.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ClassHeaderTest {

    public abstract static class Sample extends java.util.AbstractList<String> implements Runnable, AutoCloseable {
    }

    @Test
    void readsNameSuperclassInterfacesAndFlags() throws IOException {
        ClassHeader header = ClassHeader.read(bytesOf(Sample.class)).orElseThrow();

        assertThat(header.name()).isEqualTo(Sample.class.getName());
        assertThat(header.superName()).isEqualTo("java.util.AbstractList");
        assertThat(header.interfaces()).containsExactly("java.lang.Runnable", "java.lang.AutoCloseable");
        assertThat(header.couldBeConcretePublicClass()).isFalse();
    }

    @Test
    void concretePublicClassIsACandidate() throws IOException {
        ClassHeader header = ClassHeader.read(bytesOf(ClassHeaderTest.class)).orElseThrow();

        assertThat(header.superName()).isEqualTo("java.lang.Object");
        assertThat(header.interfaces()).isEmpty();
    }

    @Test
    void garbageIsNotAClass() {
        assertThat(ClassHeader.read(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0})).isEmpty();
        assertThat(ClassHeader.read("not a class".getBytes())).isEmpty();
    }

    @Test
    void aPrefixEndingAfterTheInterfacesIsEnough() throws IOException {
        byte[] whole = bytesOf(Sample.class);
        int prefix = 1;
        while (ClassHeader.read(Arrays.copyOf(whole, prefix)).isEmpty()) {
            prefix++;
        }

        assertThat(prefix).isLessThan(whole.length);
        assertThat(ClassHeader.read(Arrays.copyOf(whole, prefix))).isEqualTo(ClassHeader.read(whole));
    }

    @Test
    void readingFromAStreamStopsAfterTheHeader() throws IOException {
        byte[] whole = bytesOf(ClassHeaderTest.class);
        ByteArrayInputStream in = new ByteArrayInputStream(whole);

        assertThat(ClassHeader.read(in)).isEqualTo(ClassHeader.read(whole));
        assertThat(in.available()).isPositive();
    }

    static byte[] bytesOf(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
