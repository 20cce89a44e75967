package io.tributary.connect.apicheck;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles small fixture sources into a classes directory, so a test can build two versions of
 * the same class name and compare them exactly as the real check compares two code bases.
 */
final class FixtureCompiler {

    private FixtureCompiler() {
    }

    /** Compiles sources keyed by fully qualified class name into {@code outputDirectory}. */
    static Path compile(Path outputDirectory, Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = sources.entrySet().stream()
                .map(source -> sourceFile(source.getKey(), source.getValue()))
                .toList();
        StringWriter diagnostics = new StringWriter();
        try {
            Files.createDirectories(outputDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean compiled = compiler.getTask(diagnostics, null, null,
                List.of("-d", outputDirectory.toString()), null, units).call();
        if (!compiled) {
            throw new IllegalStateException("Fixture did not compile:\n" + diagnostics);
        }
        return outputDirectory;
    }

    private static JavaFileObject sourceFile(String className, String code) {
        URI uri = URI.create("string:///" + className.replace('.', '/') + ".java");
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }
}
