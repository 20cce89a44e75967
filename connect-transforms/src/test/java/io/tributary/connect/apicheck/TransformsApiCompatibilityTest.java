package io.tributary.connect.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails the build when our org.apache.kafka.connect.transforms.* API differs from Apache's
 * connect-transforms 4.1.1: third-party transformations compile against its util and field
 * helpers, and configurations name its classes.
 */
class TransformsApiCompatibilityTest {

    private static final String TRANSFORMS_PACKAGE = "org.apache.kafka.connect.transforms.";

    @Test
    void ourTransformsApiMatchesApacheConnectTransformsExactly(@TempDir Path work) throws IOException {
        Path referenceJar = Path.of(System.getProperty("reference.dir", "target/reference"),
                "connect-transforms.jar");
        Path ourClasses = ApiLocations.ourClasses();
        assertThat(referenceJar).isRegularFile();
        ApiSnapshot reference = read(TransformsClassTree.of(referenceJar, work.resolve("reference")));
        ApiSnapshot ours = read(TransformsClassTree.of(ourClasses, work.resolve("ours")));

        ApiReport report = ApiDiffer.compare(reference, ours);
        System.out.println(report.summary());

        assertThat(reference.classes()).as("classes read from %s", referenceJar).isNotEmpty();
        assertThat(report.differences())
                .withFailMessage(() -> report.describe()
                        + "\n\nReference: " + referenceJar + "\nOurs: " + ourClasses)
                .isEmpty();
    }

    /** The module's own classes: the connect-api interfaces borrowed into the tree are not compared here. */
    private static ApiSnapshot read(Path classTree) {
        ApiSnapshot all = ApiSnapshotReader.read(classTree, TRANSFORMS_PACKAGE);
        Set<String> borrowed = TransformsClassTree.borrowedClassNames();
        SortedMap<String, ClassApi> own = new TreeMap<>(all.classes());
        own.keySet().removeIf(name -> borrowed.stream().anyMatch(
                api -> name.equals(api) || name.startsWith(api + "$")));
        return new ApiSnapshot(own);
    }
}
