package io.tributary.connect.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSnapshotReaderTest {

    @TempDir
    Path classes;

    @Test
    void readsPublicClassesAndTheirPublicAndProtectedNestedClassesOnly() {
        FixtureCompiler.compile(classes, Map.of(
                "fixture.Outer", """
                        package fixture;
                        public class Outer {
                            public static class Open { }
                            protected interface Guarded { }
                            static class Hidden { }
                            private enum Secret { A }
                            public Runnable task() { return new Runnable() { public void run() { } }; }
                        }
                        """,
                "fixture.Internal", "package fixture; class Internal { public static class Nested { } }"));

        ApiSnapshot snapshot = ApiSnapshotReader.read(classes, "fixture.");

        assertThat(snapshot.classes()).containsOnlyKeys("fixture.Outer", "fixture.Outer$Open", "fixture.Outer$Guarded");
    }

    @Test
    void ignoresClassesOutsideThePackagePrefix() {
        FixtureCompiler.compile(classes, Map.of(
                "fixture.api.Visible", "package fixture.api; public class Visible { }",
                "fixture.impl.Other", "package fixture.impl; public class Other { }"));

        assertThat(ApiSnapshotReader.read(classes, "fixture.api.").classes()).containsOnlyKeys("fixture.api.Visible");
    }

    @Test
    void missingLocationGivesAnEmptySnapshot() {
        assertThat(ApiSnapshotReader.read(classes.resolve("absent"), "fixture.").classes()).isEmpty();
    }

    @Test
    void classThatCannotBeLoadedIsRecordedAsUnreadable() throws IOException {
        FixtureCompiler.compile(classes, Map.of(
                "fixture.Base", "package fixture; public class Base { }",
                "fixture.Child", "package fixture; public class Child extends Base { }"));
        Files.delete(classes.resolve("fixture/Base.class"));

        ApiSnapshot snapshot = ApiSnapshotReader.read(classes, "fixture.");

        assertThat(snapshot.classes().get("fixture.Child").declaration())
                .startsWith("unreadable class fixture.Child: java.lang.NoClassDefFoundError");
    }

    @Test
    void readsClassesFromAJarAsFromADirectory() throws IOException {
        FixtureCompiler.compile(classes.resolve("dir"), Map.of("fixture.Thing", "package fixture; public class Thing { public int size() { return 1; } }"));
        Path jar = JarFixtures.jarOf(classes.resolve("dir"), classes.resolve("thing.jar"));

        ApiReport report = ApiDiffer.compare(ApiSnapshotReader.read(jar, "fixture."),
                ApiSnapshotReader.read(classes.resolve("dir"), "fixture."));

        assertThat(report.referenceClasses()).isEqualTo(1);
        assertThat(report.differences()).isEmpty();
    }
}
