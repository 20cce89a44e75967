package io.tributary.connect.plugins;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
            return Optional.ofNullable(parse(ByteBuffer.wrap(bytes)));
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static ClassHeader parse(ByteBuffer in) {
        if (in.getInt() != MAGIC) {
            return null;
        }
        in.getShort(); // minor version
        in.getShort(); // major version
        int poolSize = Short.toUnsignedInt(in.getShort());
        String[] utf8 = new String[poolSize];
        int[] classNameIndex = new int[poolSize];
        for (int i = 1; i < poolSize; i++) {
            int tag = Byte.toUnsignedInt(in.get());
            switch (tag) {
                case 1 -> utf8[i] = readModifiedUtf8(in);
                case 7 -> classNameIndex[i] = Short.toUnsignedInt(in.getShort());
                case 8, 16, 19, 20 -> skip(in, 2);
                case 15 -> skip(in, 3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4);
                case 5, 6 -> {
                    skip(in, 8);
                    i++; // longs and doubles take two pool slots
                }
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }
        int access = Short.toUnsignedInt(in.getShort());
        String name = className(Short.toUnsignedInt(in.getShort()), utf8, classNameIndex);
        int superIndex = Short.toUnsignedInt(in.getShort());
        String superName = superIndex == 0 ? null : className(superIndex, utf8, classNameIndex);
        int interfaceCount = Short.toUnsignedInt(in.getShort());
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(className(Short.toUnsignedInt(in.getShort()), utf8, classNameIndex));
        }
        return new ClassHeader(access, name, superName, List.copyOf(interfaces));
    }

    private static String className(int classIndex, String[] utf8, int[] classNameIndex) {
        String internal = utf8[classNameIndex[classIndex]];
        if (internal == null) {
            throw new IllegalArgumentException("dangling class reference " + classIndex);
        }
        return internal.replace('/', '.');
    }

    private static void skip(ByteBuffer in, int count) {
        in.position(in.position() + count);
    }

    /** Class files use "modified UTF-8"; names of real classes decode the same as with DataInput. */
    private static String readModifiedUtf8(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        StringBuilder out = new StringBuilder(length);
        int end = in.position() + length;
        while (in.position() < end) {
            int a = Byte.toUnsignedInt(in.get());
            if (a < 0x80) {
                out.append((char) a);
            } else if ((a & 0xE0) == 0xC0) {
                int b = Byte.toUnsignedInt(in.get());
                out.append((char) (((a & 0x1F) << 6) | (b & 0x3F)));
            } else {
                int b = Byte.toUnsignedInt(in.get());
                int c = Byte.toUnsignedInt(in.get());
                out.append((char) (((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F)));
            }
        }
        return out.toString();
    }
}
