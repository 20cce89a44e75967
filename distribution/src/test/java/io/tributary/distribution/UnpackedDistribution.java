package io.tributary.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The tarball the build just made, unpacked into a folder as a user would, and a way to run its scripts with
 * a PATH that holds java and the shell tools but no Maven: the only "mvn" on it is a trap that records a call.
 */
final class UnpackedDistribution {

    private static final List<String> TOOLS = List.of("bash", "env", "dirname", "readlink", "cat", "mkdir", "ls",
            "cksum", "cut", "stat", "date", "find", "grep", "tail", "touch", "rm", "mv", "nohup", "sed", "sort", "tr");

    final Path home;
    final Path toolsDir;
    final Path mavenTrap;

    private UnpackedDistribution(Path home, Path toolsDir) {
        this.home = home;
        this.toolsDir = toolsDir;
        this.mavenTrap = toolsDir.resolve("mvn-was-called");
    }

    static UnpackedDistribution unpack(Path into) throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("dist.archive"));
        assertThat(archive).as("the archive mvn package built").isRegularFile();
        Path unpacked = Files.createDirectories(into.resolve("install"));
        run(unpacked, List.of("tar", "xzf", archive.toString()));
        Path home;
        try (var entries = Files.list(unpacked)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path tools = Files.createDirectories(into.resolve("path"));
        for (String tool : TOOLS) {
            Files.createSymbolicLink(tools.resolve(tool), which(tool));
        }
        Files.createSymbolicLink(tools.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        UnpackedDistribution distribution = new UnpackedDistribution(home, tools);
        Path trap = tools.resolve("mvn");
        Files.writeString(trap, "#!/bin/sh\necho called >> '" + distribution.mavenTrap + "'\nexit 1\n");
        trap.toFile().setExecutable(true);
        return distribution;
    }

    /** A process builder for a script of the distribution (or a link to one), with the Maven-free PATH. */
    ProcessBuilder script(Path script, Path workingDir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("TRIBUTARY_")
                || name.equals("CLASSPATH") || name.equals("JMX_PORT") || name.equals("LOG_DIR") || name.equals("JAVA_HOME"));
        environment.put("PATH", toolsDir.toString());
        environment.putAll(env);
        return builder;
    }

    /** The sample file with some keys replaced, written to {@code to}. */
    Path sample(String name, Map<String, String> overrides, Path to) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("config").resolve(name))) {
            props.load(in);
        }
        props.putAll(overrides);
        try (OutputStream out = Files.newOutputStream(to)) {
            props.store(out, null);
        }
        return to;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(tool + " is not on PATH");
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }
}
