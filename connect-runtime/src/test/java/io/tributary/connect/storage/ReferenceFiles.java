package io.tributary.connect.storage;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Files observed from a run of Apache Kafka Connect 4.1.1, kept as test resources. */
final class ReferenceFiles {

    private ReferenceFiles() {
    }

    /** The offset file of a standalone Apache worker after its file source read 35 bytes. */
    static Path apacheOffsets() {
        try {
            return Path.of(ReferenceFiles.class.getResource("/reference/apache-connect.offsets").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
