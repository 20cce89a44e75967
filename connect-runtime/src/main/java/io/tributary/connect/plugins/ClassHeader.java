package io.tributary.connect.plugins;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The start of a class file: access flags, name, superclass and interfaces. Reading these is
 * enough to tell whether a class might be a plugin without loading or initialising it.
 *
 * @param superName null for java.lang.Object and module-info
 */
record ClassHeader(int access, String name, String superName, List<String> interfaces) {

    private static final int MAGIC = 0xCAFEBABE;
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_INTERFACE = 0x0200;
    private static final int ACC_ABSTRACT = 0x0400;
    private static final int ACC_MODULE = 0x8000;

    /** Public and instantiable as far as the class file says (nested-class access is re-checked by reflection). */
    boolean couldBeConcretePublicClass() {
        return (access & ACC_PUBLIC) != 0 && (access & (ACC_INTERFACE | ACC_ABSTRACT | ACC_MODULE)) == 0;
    }

    /** The direct supertypes, superclass first. */
    List<String> supertypes() {
        List<String> all = new ArrayList<>(interfaces.size() + 1);
        if (superName != null) {
            all.add(superName);
        }
        all.addAll(interfaces);
        return all;
    }

    /** Parses the header, or returns empty for anything that is not a well-formed class file. */
    static Optional<ClassHeader> read(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses the header from the start of a class file, reading no further than its interfaces (the fields,
     * methods and code after them are never inflated). Returns empty for anything that is not a class file.
     */
    static Optional<ClassHeader> read(InputStream in) throws IOException {
        try {
            return Optional.ofNullable(parse(new PrefixReader(in)));
        } catch (EOFException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static ClassHeader parse(PrefixReader in) throws IOException {
        if (in.u4() != MAGIC) {
            return null;
        }
        in.skip(4); // minor and major version
        int poolSize = in.u2();
        // Only the names of this class and its supertypes are decoded: where each UTF-8 constant sits is enough.
        int[] utf8Offset = new int[poolSize];
        int[] classNameIndex = new int[poolSize];
        for (int i = 1; i < poolSize; i++) {
            int tag = in.u1();
            switch (tag) {
                case 1 -> {
                    int length = in.u2();
                    utf8Offset[i] = in.position();
                    in.skip(length);
                }
                case 7 -> classNameIndex[i] = in.u2();
                case 8, 16, 19, 20 -> in.skip(2);
                case 15 -> in.skip(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skip(4);
                case 5, 6 -> {
                    in.skip(8);
                    i++; // longs and doubles take two pool slots
                }
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }
        int access = in.u2();
        int thisIndex = in.u2();
        int superIndex = in.u2();
        int interfaceCount = in.u2();
        int[] interfaceIndexes = new int[interfaceCount];
        for (int i = 0; i < interfaceCount; i++) {
            interfaceIndexes[i] = in.u2();
        }
        String name = className(thisIndex, in, utf8Offset, classNameIndex);
        String superName = superIndex == 0 ? null : className(superIndex, in, utf8Offset, classNameIndex);
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int index : interfaceIndexes) {
            interfaces.add(className(index, in, utf8Offset, classNameIndex));
        }
        return new ClassHeader(access, name, superName, List.copyOf(interfaces));
    }

    private static String className(int classIndex, PrefixReader in, int[] utf8Offset, int[] classNameIndex) {
        int nameIndex = classNameIndex[classIndex];
        if (nameIndex <= 0 || nameIndex >= utf8Offset.length || utf8Offset[nameIndex] == 0) {
            throw new IllegalArgumentException("dangling class reference " + classIndex);
        }
        return in.modifiedUtf8At(utf8Offset[nameIndex]).replace('/', '.');
    }

    /** Reads a class file front to back, keeping what it read so constants can be decoded afterwards. */
    private static final class PrefixReader {

        private final InputStream in;
        private byte[] buffer = new byte[4096];
        private int filled;
        private int position;

        PrefixReader(InputStream in) {
            this.in = in;
        }

        int position() {
            return position;
        }

        int u1() throws IOException {
            require(1);
            return Byte.toUnsignedInt(buffer[position++]);
        }

        int u2() throws IOException {
            require(2);
            int value = (Byte.toUnsignedInt(buffer[position]) << 8) | Byte.toUnsignedInt(buffer[position + 1]);
            position += 2;
            return value;
        }

        int u4() throws IOException {
            return (u2() << 16) | u2();
        }

        void skip(int count) throws IOException {
            require(count);
            position += count;
        }

        /** Class files use "modified UTF-8"; names of real classes decode the same as with DataInput. */
        String modifiedUtf8At(int offset) {
            int length = (Byte.toUnsignedInt(buffer[offset - 2]) << 8) | Byte.toUnsignedInt(buffer[offset - 1]);
            StringBuilder out = new StringBuilder(length);
            int at = offset;
            int end = offset + length;
            while (at < end) {
                int a = Byte.toUnsignedInt(buffer[at++]);
                if (a < 0x80) {
                    out.append((char) a);
                } else if ((a & 0xE0) == 0xC0) {
                    int b = Byte.toUnsignedInt(buffer[at++]);
                    out.append((char) (((a & 0x1F) << 6) | (b & 0x3F)));
                } else {
                    int b = Byte.toUnsignedInt(buffer[at++]);
                    int c = Byte.toUnsignedInt(buffer[at++]);
                    out.append((char) (((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F)));
                }
            }
            return out.toString();
        }

        private void require(int count) throws IOException {
            int needed = position + count;
            if (needed <= filled) {
                return;
            }
            if (needed > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
            }
            while (filled < needed) {
                int read = in.read(buffer, filled, buffer.length - filled);
                if (read < 0) {
                    throw new EOFException("class file ends inside its header");
                }
                filled += read;
            }
        }
    }
}
