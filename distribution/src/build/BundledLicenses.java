import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes the distribution's LICENSE and NOTICE: the hand-written heads from src/dist followed by every jar in
 * libs/ with the license its POM (or the nearest parent POM that declares one) names, and the NOTICE files those
 * jars carry. Run by the build as a single-file program:
 *   java BundledLicenses.java LIBS_DIR LOCAL_REPOSITORY HEADS_DIR OUTPUT_DIR
 * The POMs that maven-dependency-plugin copied beside the jars are read and then deleted.
 */
public class BundledLicenses {

    private static final Pattern LICENSE = Pattern.compile(
            "<license>.*?<name>\\s*(.*?)\\s*</name>(?:.*?<url>\\s*(.*?)\\s*</url>)?.*?</license>", Pattern.DOTALL);

    public static void main(String[] args) throws IOException {
        Path libs = Path.of(args[0]);
        Path repository = Path.of(args[1]);
        Path heads = Path.of(args[2]);
        Path output = Path.of(args[3]);
        List<Path> jars;
        try (Stream<Path> files = Files.list(libs)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        StringBuilder license = new StringBuilder(Files.readString(heads.resolve("LICENSE")));
        StringBuilder notice = new StringBuilder(Files.readString(heads.resolve("NOTICE")));
        for (Path jar : jars) {
            Path pom = libs.resolve(jar.getFileName().toString().replaceFirst("\\.jar$", ".pom"));
            String pomText = Files.exists(pom) ? Files.readString(pom) : "";
            String coordinates = coordinates(pomText, jar);
            license.append("\n").append(jar.getFileName()).append(" (").append(coordinates).append(")\n");
            List<String> licenses = coordinates.startsWith("io.tributary:")
                    ? List.of("Tributary's own work (see above)")
                    : licenses(pomText, repository);
            if (licenses.isEmpty()) {
                licenses = List.of("see the license files inside the jar");
            }
            for (String name : licenses) {
                license.append("    ").append(name).append("\n");
            }
            String jarNotice = noticeOf(jar);
            if (!jarNotice.isBlank()) {
                notice.append("\n---- ").append(jar.getFileName()).append(" ----\n\n").append(jarNotice.strip()).append("\n");
            }
            Files.deleteIfExists(pom);
        }
        Files.writeString(output.resolve("LICENSE"), license);
        Files.writeString(output.resolve("NOTICE"), notice);
    }

    private static String coordinates(String pom, Path jar) {
        // The project's own groupId and artifactId, not those of its parent, dependencies or plugins.
        String withoutParent = pom.replaceAll(
                "(?s)<(parent|dependencies|dependencyManagement|build|profiles|reporting)>.*?</\\1>", "");
        String group = tag(withoutParent, "groupId");
        if (group == null) {
            Matcher parent = Pattern.compile("(?s)<parent>(.*?)</parent>").matcher(pom);
            group = parent.find() ? tag(parent.group(1), "groupId") : null;
        }
        String artifact = tag(withoutParent, "artifactId");
        return group == null || artifact == null ? jar.getFileName().toString() : group + ":" + artifact;
    }

    /** The licenses a POM declares, or those of its nearest ancestor that declares some. */
    private static List<String> licenses(String pom, Path repository) throws IOException {
        for (int depth = 0; depth < 10 && !pom.isEmpty(); depth++) {
            List<String> found = new ArrayList<>();
            Matcher m = LICENSE.matcher(pom);
            while (m.find()) {
                found.add(m.group(2) == null ? m.group(1) : m.group(1) + " <" + m.group(2) + ">");
            }
            if (!found.isEmpty()) {
                return found;
            }
            Matcher parent = Pattern.compile("(?s)<parent>(.*?)</parent>").matcher(pom);
            if (!parent.find()) {
                break;
            }
            String block = parent.group(1);
            String group = tag(block, "groupId"), artifact = tag(block, "artifactId"), version = tag(block, "version");
            Path parentPom = repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                    .resolve(artifact + "-" + version + ".pom");
            pom = Files.exists(parentPom) ? Files.readString(parentPom) : "";
        }
        return List.of();
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*(.*?)\\s*</" + name + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static String noticeOf(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String name : List.of("META-INF/NOTICE", "META-INF/NOTICE.txt", "META-INF/NOTICE.md")) {
                ZipEntry entry = zip.getEntry(name);
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return "";
    }
}
