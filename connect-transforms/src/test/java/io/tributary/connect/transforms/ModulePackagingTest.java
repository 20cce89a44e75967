package io.tributary.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.apache.kafka.connect.transforms.Cast;
import org.junit.jupiter.api.Test;

class ModulePackagingTest {

    private static final String SERVICES = "META-INF/services/org.apache.kafka.connect.transforms.Transformation";

    @Test
    void transformationsReportTheBuildVersion() {
        assertThat(TransformsVersion.get()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
        assertThat(new Cast.Value<>().version()).isEqualTo(TransformsVersion.get());
    }

    @Test
    void serviceFileListsTheSameTransformationsAsApache() throws IOException {
        List<String> ours;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SERVICES)) {
            ours = classNames(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path apacheJar = Path.of(System.getProperty("reference.dir", "target/reference"), "connect-transforms.jar");
        List<String> apache;
        try (JarFile jar = new JarFile(apacheJar.toFile())) {
            ZipEntry entry = jar.getEntry(SERVICES);
            apache = classNames(new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
        }

        assertThat(ours).containsExactlyInAnyOrderElementsOf(apache);
    }

    private static List<String> classNames(String serviceFile) {
        return serviceFile.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
