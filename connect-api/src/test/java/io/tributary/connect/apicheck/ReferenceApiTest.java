package io.tributary.connect.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Proves the reader sees the whole reference API, independently of the state of our classes. */
class ReferenceApiTest {

    @Test
    void referenceJarComparedWithItselfInTwoLoadersHasNoDifferences() {
        ApiSnapshot first = ApiSnapshotReader.read(ApiLocations.referenceJar(), ApiLocations.CONNECT_PACKAGE);
        ApiSnapshot second = ApiSnapshotReader.read(ApiLocations.referenceJar(), ApiLocations.CONNECT_PACKAGE);

        ApiReport report = ApiDiffer.compare(first, second);

        assertThat(report.differences()).isEmpty();
        assertThat(report.referenceClasses()).isBetween(60, 100);
        assertThat(report.elementsCompared()).isBetween(400, 900);
    }

    @Test
    void referenceApiIncludesProtectedNestedClassesButNotPackagePrivateOnes() {
        ApiSnapshot reference = ApiSnapshotReader.read(ApiLocations.referenceJar(), ApiLocations.CONNECT_PACKAGE);

        assertThat(reference.classes()).containsKeys(
                "org.apache.kafka.connect.data.Struct",
                "org.apache.kafka.connect.data.Schema$Type",
                "org.apache.kafka.connect.data.Values$Parser");
        assertThat(reference.classes()).doesNotContainKeys(
                "org.apache.kafka.connect.header.ConnectHeader",
                "org.apache.kafka.connect.data.Values$ValueParser");
    }

    @Test
    void referenceMembersAreRenderedByName() {
        ClassApi struct = ApiSnapshotReader.read(ApiLocations.referenceJar(), ApiLocations.CONNECT_PACKAGE)
                .classes().get("org.apache.kafka.connect.data.Struct");

        assertThat(struct.members().get(new MemberKey(MemberKind.METHOD, "getInt8(java.lang.String)")).text())
                .isEqualTo("public java.lang.Byte getInt8(java.lang.String)");
    }
}
