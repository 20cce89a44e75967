package io.tributary.connect.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles a small reference API and altered copies of it, and checks what the differ reports. */
class ApiDifferTest {

    private static final String WIDGET = """
            package fixture;
            public class Widget {
                public static final String NAME = "widget";
                public int size() { return 0; }
                public java.util.List<String> labels() throws java.io.IOException { return null; }
            }
            """;
    private static final String SHAPE = """
            package fixture;
            public interface Shape {
                default double area() { return 0; }
            }
            """;

    @TempDir
    static Path referenceDirectory;

    @TempDir
    Path oursDirectory;

    private static ApiSnapshot reference;

    @BeforeAll
    static void compileReference() {
        reference = snapshot(referenceDirectory, Map.of("fixture.Widget", WIDGET, "fixture.Shape", SHAPE));
    }

    @Test
    void identicalApisHaveNoDifferences() {
        ApiReport report = compareWith(WIDGET, SHAPE);

        assertThat(report.differences()).isEmpty();
        assertThat(report.summary())
                .isEqualTo("API check: 2 reference classes, 7 members compared, 0 missing, 0 changed, 0 extra");
    }

    @Test
    void removedMethodIsMissing() {
        ApiReport report = compareWith(WIDGET.replace("public int size() { return 0; }", ""), SHAPE);

        assertThat(lines(report)).containsExactly("MISSING method fixture.Widget#size() -- public int size()");
    }

    @Test
    void changedReturnTypeIsChanged() {
        ApiReport report = compareWith(WIDGET.replace("java.util.List<String> labels()",
                "java.util.Collection<String> labels()"), SHAPE);

        assertThat(lines(report)).containsExactly("CHANGED method fixture.Widget#labels()"
                + " -- expected: public java.util.List<java.lang.String> labels() throws java.io.IOException"
                + " -- actual: public java.util.Collection<java.lang.String> labels() throws java.io.IOException");
    }

    @Test
    void changedThrowsClauseIsChanged() {
        ApiReport report = compareWith(WIDGET.replace("throws java.io.IOException", ""), SHAPE);

        assertThat(lines(report)).containsExactly("CHANGED method fixture.Widget#labels()"
                + " -- expected: public java.util.List<java.lang.String> labels() throws java.io.IOException"
                + " -- actual: public java.util.List<java.lang.String> labels()");
    }

    @Test
    void changedConstantValueIsChanged() {
        ApiReport report = compareWith(WIDGET.replace("\"widget\"", "\"gadget\""), SHAPE);

        assertThat(lines(report)).containsExactly("CHANGED field fixture.Widget#NAME"
                + " -- expected: public static final java.lang.String NAME = \"widget\""
                + " -- actual: public static final java.lang.String NAME = \"gadget\"");
    }

    @Test
    void documentationConstantsAreComparedByPresenceNotText() {
        String documented = WIDGET.replace("public int size()", "public static final String OVERVIEW_DOC = \"theirs\";\n public int size()");

        ApiReport sameText = compareWith(documented.replace("\"theirs\"", "\"ours, in other words\""), SHAPE, documented);
        ApiReport missing = compareWith(WIDGET, SHAPE, documented);

        assertThat(lines(sameText)).isEmpty();
        assertThat(lines(missing)).containsExactly("MISSING field fixture.Widget#OVERVIEW_DOC"
                + " -- public static final java.lang.String OVERVIEW_DOC");
    }

    @Test
    void defaultMethodMadeAbstractIsChanged() {
        ApiReport report = compareWith(WIDGET, SHAPE.replace("default double area() { return 0; }", "double area();"));

        assertThat(lines(report)).containsExactly("CHANGED method fixture.Shape#area()"
                + " -- expected: public default double area() -- actual: public abstract double area()");
    }

    @Test
    void extraPublicMethodIsExtra() {
        ApiReport report = compareWith(WIDGET.replace("public int size()", "public void reset() { }\n public int size()"), SHAPE);

        assertThat(lines(report)).containsExactly("EXTRA method fixture.Widget#reset() -- public void reset()");
        assertThat(report.count(ApiDifference.Change.EXTRA)).isEqualTo(1);
    }

    @Test
    void extraPackagePrivateMethodIsNotADifference() {
        ApiReport report = compareWith(WIDGET.replace("public int size()", "void reset() { }\n public int size()"), SHAPE);

        assertThat(report.differences()).isEmpty();
    }

    @Test
    void missingClassIsReportedOnceAndCountsAllItsMembers() {
        ApiReport report = compare(Map.of("fixture.Widget", WIDGET));

        assertThat(lines(report)).containsExactly("MISSING class fixture.Shape (whole class, 1 members)"
                + " -- public interface fixture.Shape");
        assertThat(report.count(ApiDifference.Change.MISSING)).isEqualTo(2);
    }

    @Test
    void extraClassIsExtra() {
        ApiReport report = compare(Map.of("fixture.Widget", WIDGET, "fixture.Shape", SHAPE,
                "fixture.Gadget", "package fixture; public final class Gadget { private Gadget() { } }"));

        assertThat(lines(report)).containsExactly("EXTRA class fixture.Gadget -- public final class fixture.Gadget extends java.lang.Object");
    }

    private ApiReport compareWith(String widget, String shape) {
        return compare(Map.of("fixture.Widget", widget, "fixture.Shape", shape));
    }

    /** Compares against a reference Widget of the test's own instead of the shared one. */
    private ApiReport compareWith(String widget, String shape, String referenceWidget) {
        ApiSnapshot otherReference = snapshot(oursDirectory.resolve("reference"),
                Map.of("fixture.Widget", referenceWidget, "fixture.Shape", SHAPE));
        return ApiDiffer.compare(otherReference, snapshot(oursDirectory.resolve("ours"),
                Map.of("fixture.Widget", widget, "fixture.Shape", shape)));
    }

    private ApiReport compare(Map<String, String> ourSources) {
        return ApiDiffer.compare(reference, snapshot(oursDirectory, ourSources));
    }

    private static ApiSnapshot snapshot(Path directory, Map<String, String> sources) {
        return ApiSnapshotReader.read(FixtureCompiler.compile(directory, sources), "fixture.");
    }

    private static List<String> lines(ApiReport report) {
        return report.differences().stream().map(ApiDifference::describe).toList();
    }
}
