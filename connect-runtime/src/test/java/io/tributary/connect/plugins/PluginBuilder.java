package io.tributary.connect.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles small plugin sources at test time and lays them out as jars or class directories. */
final class PluginBuilder {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private String implementationVersion;

    static PluginBuilder plugin() {
        return new PluginBuilder();
    }

    /** Adds a compilation unit; the class name is taken from its package and first public type. */
    PluginBuilder source(String qualifiedName, String code) {
        sources.put(qualifiedName, code);
        return this;
    }

    PluginBuilder service(Class<?> api, String implementation) {
        services.computeIfAbsent(api.getName(), k -> new ArrayList<>()).add(implementation);
        return this;
    }

    PluginBuilder implementationVersion(String version) {
        this.implementationVersion = version;
        return this;
    }

    /** Writes a jar at the given file path (parent directories are created). */
    Path jar(Path jarFile) throws IOException {
        Path classes = compile(Files.createTempDirectory("plugin-classes"));
        Files.createDirectories(jarFile.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (implementationVersion != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, implementationVersion);
        }
        try (OutputStream file = Files.newOutputStream(jarFile);
             JarOutputStream jar = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
        return jarFile;
    }

    /** Writes the compiled classes (and service files) into a class directory. */
    Path classesDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        return compile(dir);
    }

    private Path compile(Path outputDir) throws IOException {
        Path sourceDir = Files.createTempDirectory("plugin-sources");
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", outputDir.toString(), "-nowarn",
                "-cp", System.getProperty("java.class.path")));
        files.forEach(f -> args.add(f.toString()));
        int status = compiler.run(null, null, null, args.toArray(new String[0]));
        if (status != 0) {
            throw new IllegalStateException("Test plugin sources did not compile: " + sources.keySet());
        }
        for (Map.Entry<String, List<String>> service : services.entrySet()) {
            Path file = outputDir.resolve("META-INF/services/" + service.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# providers\n" + String.join("\n", service.getValue()) + "\n", StandardCharsets.UTF_8);
        }
        return outputDir;
    }

    // ---- ready-made sources ----

    static String sourceConnector(String pkg, String simpleName, String version) {
        return connector(pkg, simpleName, version, "org.apache.kafka.connect.source.SourceConnector");
    }

    static String sinkConnector(String pkg, String simpleName, String version) {
        return connector(pkg, simpleName, version, "org.apache.kafka.connect.sink.SinkConnector");
    }

    private static String connector(String pkg, String simpleName, String version, String base) {
        return "package " + pkg + ";\n"
                + "import java.util.*;\n"
                + "public class " + simpleName + " extends " + base + " {\n"
                + "  public String version() { return \"" + version + "\"; }\n"
                + "  public void start(Map<String, String> props) {}\n"
                + "  public Class<? extends org.apache.kafka.connect.connector.Task> taskClass() { return null; }\n"
                + "  public List<Map<String, String>> taskConfigs(int max) { return List.of(); }\n"
                + "  public void stop() {}\n"
                + "  public org.apache.kafka.common.config.ConfigDef config() { return new org.apache.kafka.common.config.ConfigDef(); }\n"
                + "}\n";
    }

    /** A transformation class body (without the class line's modifiers) usable as a nested or top-level class. */
    static String transformationBody() {
        return "  public R apply(R r) { return r; }\n"
                + "  public org.apache.kafka.common.config.ConfigDef config() { return new org.apache.kafka.common.config.ConfigDef(); }\n"
                + "  public void close() {}\n"
                + "  public void configure(java.util.Map<String, ?> configs) {}\n";
    }

    static String transformation(String pkg, String simpleName) {
        return "package " + pkg + ";\n"
                + "public class " + simpleName + "<R extends org.apache.kafka.connect.connector.ConnectRecord<R>>"
                + " implements org.apache.kafka.connect.transforms.Transformation<R> {\n"
                + transformationBody() + "}\n";
    }

    static String predicate(String pkg, String simpleName) {
        return "package " + pkg + ";\n"
                + "public class " + simpleName + "<R extends org.apache.kafka.connect.connector.ConnectRecord<R>>"
                + " implements org.apache.kafka.connect.transforms.predicates.Predicate<R> {\n"
                + "  public boolean test(R r) { return true; }\n"
                + "  public org.apache.kafka.common.config.ConfigDef config() { return new org.apache.kafka.common.config.ConfigDef(); }\n"
                + "  public void close() {}\n"
                + "  public void configure(java.util.Map<String, ?> configs) {}\n"
                + "}\n";
    }

    static String converter(String pkg, String simpleName) {
        return "package " + pkg + ";\n"
                + "import org.apache.kafka.connect.data.*;\n"
                + "public class " + simpleName + " implements org.apache.kafka.connect.storage.Converter {\n"
                + "  public void configure(java.util.Map<String, ?> configs, boolean isKey) {}\n"
                + "  public byte[] fromConnectData(String topic, Schema schema, Object value) { return null; }\n"
                + "  public SchemaAndValue toConnectData(String topic, byte[] value) { return null; }\n"
                + "}\n";
    }

    static String configProvider(String pkg, String simpleName) {
        return "package " + pkg + ";\n"
                + "import org.apache.kafka.common.config.ConfigData;\n"
                + "public class " + simpleName + " implements org.apache.kafka.common.config.provider.ConfigProvider {\n"
                + "  public ConfigData get(String path) { return new ConfigData(java.util.Map.of()); }\n"
                + "  public ConfigData get(String path, java.util.Set<String> keys) { return new ConfigData(java.util.Map.of()); }\n"
                + "  public void close() {}\n"
                + "  public void configure(java.util.Map<String, ?> configs) {}\n"
                + "}\n";
    }
}
