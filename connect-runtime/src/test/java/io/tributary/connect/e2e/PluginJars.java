package io.tributary.connect.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Packages compiled test classes as a plugin jar, the way a connector author ships one. */
public final class PluginJars {

    private PluginJars() {
    }

    /**
     * Writes {@code jar} holding the given classes (from this test JVM's class path, nested classes
     * included) and a ServiceLoader manifest per plugin interface.
     */
    public static Path write(Path jar, Map<Class<?>, Class<?>> pluginsByInterface, Class<?>... classes) {
        try {
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                for (Class<?> type : classes) {
                    addClassFiles(out, type);
                }
                for (Map.Entry<Class<?>, Class<?>> plugin : pluginsByInterface.entrySet()) {
                    out.putNextEntry(new JarEntry("META-INF/services/" + plugin.getKey().getName()));
                    out.write((plugin.getValue().getName() + "\n").getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addClassFiles(JarOutputStream out, Class<?> type) throws IOException {
        Path classFile = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve(type.getName().replace('.', '/') + ".class");
        Path directory = classFile.getParent();
        String prefix = type.getSimpleName();
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.equals(prefix + ".class") || name.startsWith(prefix + "$")) {
                    out.putNextEntry(new JarEntry(type.getPackageName().replace('.', '/') + "/" + name));
                    try (OutputStream entry = new NonClosing(out)) {
                        Files.copy(file, entry);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    /** Lets Files.copy write into the jar without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
