package io.tributary.connect.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when our org.apache.kafka.connect.* API differs in any way from Apache Kafka
 * Connect 4.1.1: a missing or changed member breaks connectors built for Apache on us, and an
 * extra one breaks connectors built against us on Apache.
 */
class ApiCompatibilityTest {

    @Test
    void ourConnectApiMatchesApacheConnectApiExactly() {
        Path referenceJar = ApiLocations.referenceJar();
        Path ourClasses = ApiLocations.ourClasses();
        assertThat(referenceJar).isRegularFile();
        ApiSnapshot reference = ApiSnapshotReader.read(referenceJar, ApiLocations.CONNECT_PACKAGE);
        ApiSnapshot ours = ApiSnapshotReader.read(ourClasses, ApiLocations.CONNECT_PACKAGE);

        ApiReport report = ApiDiffer.compare(reference, ours);
        System.out.println(report.summary());

        assertThat(reference.classes()).as("classes read from %s", referenceJar).isNotEmpty();
        assertThat(report.differences())
                .withFailMessage(() -> report.describe()
                        + "\n\nReference: " + referenceJar + "\nOurs: " + ourClasses)
                .isEmpty();
    }
}
