import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Dumps the class data sharing archive a distribution ships (libs/cds/worker.jsa and its .key), so that the
 * first start of an unpacked distribution maps the worker's classes instead of loading them. It starts a
 * standalone worker with the distribution's own launcher (bin/connect-standalone.sh, TRIBUTARY_CDS_DUMP set)
 * from a directory laid out like the distribution, lets it scan its plugins and open its REST server, stops it
 * with SIGTERM (the JVM writes the archive as it exits) and checks that a JVM maps the result. Any failure
 * leaves no archive and a warning: the distribution then makes its archive locally at the first start.
 *   java CdsArchive.java REPOSITORY_ROOT STAGED_LIBS WORK_DIR
 */
public class CdsArchive {

    private static final long READY_SECONDS = 120;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        Path libs = Path.of(args[1]).toAbsolutePath();
        Path home = Path.of(args[2]).toAbsolutePath();
        Path archive = libs.resolve("cds/worker.jsa");
        Path key = libs.resolve("cds/worker.jsa.key");
        Files.deleteIfExists(archive);
        Files.deleteIfExists(key);
        Files.createDirectories(home);
        Path link = home.resolve("libs");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, libs);
        Path props = home.resolve("warm-up.properties");
        Files.writeString(props, String.join("\n",
                "bootstrap.servers=localhost:1",
                "listeners=http://127.0.0.1:0",
                "offset.storage.file.filename=" + home.resolve("offsets"),
                "key.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "plugin.path=plugins", ""));

        ProcessBuilder worker = new ProcessBuilder("bash", root.resolve("bin/connect-standalone.sh").toString(), props.toString())
                .directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> env = worker.environment();
        for (String name : List.of("KAFKA_HEAP_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS",
                "JMX_PORT", "KAFKA_LOG4J_OPTS", "CLASSPATH", "TRIBUTARY_LIB_DIR", "TRIBUTARY_RUNTIME_JAR_DIR", "TRIBUTARY_CDS")) {
            env.remove(name);
        }
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TRIBUTARY_HOME", home.toString());
        env.put("TRIBUTARY_LOG_CONFIG", root.resolve("config/connect-logback.xml").toString());
        env.put("LOG_DIR", home.resolve("logs").toString());
        env.put("TRIBUTARY_PLUGIN_SCAN_CACHE", "");
        env.put("TRIBUTARY_CDS_DUMP", "libs/cds/worker.jsa");

        Path output = home.resolve("warm-up.out");
        worker.redirectOutput(output.toFile());
        Process process = worker.start();
        boolean started = awaitLine(process, output, "REST server listening");
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (!started || !Files.exists(archive) || !Files.exists(key) || !maps(home, archive, key)) {
            System.err.println("warning: no CDS archive shipped; the first start of the distribution will make one");
            Files.deleteIfExists(archive);
            Files.deleteIfExists(key);
            return;
        }
        System.out.println("CDS archive for the distribution: " + archive + " (" + Files.size(archive) / 1024 + " KiB)");
    }

    private static boolean awaitLine(Process process, Path output, String marker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.readString(output).contains(marker)) {
                return true;
            }
            Thread.sleep(100);
        }
        System.err.println("warning: the warm-up worker did not start:\n" + Files.readString(output));
        return false;
    }

    /**
     * Whether a JVM started as the launcher will start it (same class path, strict sharing) maps the archive.
     * Through bash, since the class path may name the jars through the descriptor the launcher holds open on
     * the installation directory (/proc/self/fd/77/libs/...).
     */
    private static boolean maps(Path home, Path archive, Path key) throws IOException, InterruptedException {
        String[] words = Files.readString(key).trim().split(" ");
        String classpath = words[words.length - 1];
        Process check = new ProcessBuilder("bash", "-c", "exec 77<\"$1\" && exec \"$2\" -Xshare:on \"$3\" -cp \"$4\" -version",
                "check", home.toString(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + archive, classpath)
                .directory(home.toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ok = check.waitFor() == 0;
        if (!ok) {
            System.err.println("warning: the dumped CDS archive does not map: " + output);
        }
        return ok;
    }
}
