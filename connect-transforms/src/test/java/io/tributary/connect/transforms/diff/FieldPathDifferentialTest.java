package io.tributary.connect.transforms.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.field.FieldSyntaxVersion;
import org.apache.kafka.connect.transforms.field.SingleFieldPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SingleFieldPath against Apache's for odd paths: dots, backticks, backslashes, empty names. Both
 * sides must agree on parse errors, toString, hashCode, equality and every lookup.
 */
class FieldPathDifferentialTest {

    private static final String PATH = "org.apache.kafka.connect.transforms.field.SingleFieldPath";
    private static final String VERSION = "org.apache.kafka.connect.transforms.field.FieldSyntaxVersion";

    private static final List<String> PATHS = List.of("foo", "foo.bar", "`foo.bar`.baz", "`foo`", "``", "`",
            "foo.", ".foo", "..", "", "a..b", "`a``b`", "`a`b", "a`b`", "`a.b`c.d", "`a.b``.c", "a.`b.c`",
            "`a``.b`", "``a`", "`a`.`b`", "a.``", "`a`.b.`c.d`", "`foo.bar``.baz", "foo `bar`", ". ", " a . b ",
            "``.``", "a`", "`a", "`a.b", "a.b`", "`.`", "`..`", "```", "````", "a.`b", "\\`a", "`\\`a`", "`a\\`",
            "`a\\``", "`a\\`.b`", "`a\\`.b\\`.c`", "`a\\`\\`.b`", "`a\\``.b", "`a\\\\`", "a\\.b", "`x.\\`y`.z",
            "in.x", "in.y", "m.k", "a.b", "d", "in.", "in");

    static Stream<Arguments> paths() {
        List<Arguments> cases = new ArrayList<>();
        for (String path : PATHS) {
            cases.add(Arguments.of(path, "V1"));
            cases.add(Arguments.of(path, "V2"));
        }
        return cases.stream();
    }

    private static final Schema INNER = SchemaBuilder.struct()
            .field("x", Schema.OPTIONAL_INT32_SCHEMA)
            .field("y", SchemaBuilder.int32().optional().defaultValue(7).build())
            .optional().build();
    private static final Schema ROOT = SchemaBuilder.struct()
            .field("a", Schema.STRING_SCHEMA)
            .field("in", INNER)
            .field("m", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).optional().build())
            .field("a.b", Schema.STRING_SCHEMA)
            .field("d", SchemaBuilder.int32().optional().defaultValue(5).build())
            .build();

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("paths")
    void pathBehavesLikeApache(String path, String version) {
        Struct struct = new Struct(ROOT).put("a", "A").put("a.b", "AB").put("in", new Struct(INNER).put("x", 3));
        Map<String, Object> map = new HashMap<>();
        map.put("a", "A");
        map.put("a.b", "AB");
        map.put("in", Map.of("x", 3));
        map.put("", "empty");

        List<String> ours = new ArrayList<>();
        List<String> reference = new ArrayList<>();
        Supplier<Object> ourPath = () -> new SingleFieldPath(path, FieldSyntaxVersion.valueOf(version));
        Object refVersion = Reflect.callStatic(loadReference(VERSION), "valueOf", version);
        Supplier<Object> refPath = () -> construct(path, refVersion);
        ToReference translator = new ToReference(Differential.referenceLoader());
        Object refStruct = translator.value(struct);
        Object refSchema = translator.schema(ROOT);

        record(ours, "construct", () -> ourPath.get().toString());
        record(reference, "construct", () -> refPath.get().toString());
        record(ours, "hash", () -> ourPath.get().hashCode());
        record(reference, "hash", () -> refPath.get().hashCode());
        record(ours, "equals V1 twin", () -> ourPath.get().equals(new SingleFieldPath(path, FieldSyntaxVersion.V1)));
        record(reference, "equals V1 twin", () -> refPath.get().equals(construct(path,
                Reflect.callStatic(loadReference(VERSION), "valueOf", "V1"))));
        record(ours, "fieldFrom", () -> fieldText(((SingleFieldPath) ourPath.get()).fieldFrom(ROOT)));
        record(reference, "fieldFrom", () -> fieldText(Reflect.call(refPath.get(), "fieldFrom", refSchema)));
        record(ours, "valueFrom struct", () -> Rendering.value(((SingleFieldPath) ourPath.get()).valueFrom(struct)));
        record(reference, "valueFrom struct", () -> Rendering.value(Reflect.call(refPath.get(), "valueFrom", refStruct)));
        record(ours, "valueFrom struct no default",
                () -> Rendering.value(((SingleFieldPath) ourPath.get()).valueFrom(struct, false)));
        record(reference, "valueFrom struct no default",
                () -> Rendering.value(Reflect.call(refPath.get(), "valueFrom", refStruct, false)));
        record(ours, "valueFrom map", () -> Rendering.value(((SingleFieldPath) ourPath.get()).valueFrom(map)));
        record(reference, "valueFrom map", () -> Rendering.value(Reflect.call(refPath.get(), "valueFrom", map)));

        assertThat(ours).isEqualTo(reference);
    }

    private static String fieldText(Object field) {
        return field == null ? "null" : Reflect.call(field, "name") + "#" + Reflect.call(field, "index") + " "
                + Rendering.schema(Reflect.call(field, "schema"));
    }

    private static Object construct(String path, Object version) {
        try {
            return loadReference(PATH).getConstructor(String.class, loadReference(VERSION))
                    .newInstance(path, version);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw Reflect.sneaky(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> loadReference(String name) {
        try {
            return Class.forName(name, true, Differential.referenceLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome, or the exception type when it fails (messages are worded differently). */
    private static void record(List<String> outcomes, String step, Supplier<Object> action) {
        try {
            outcomes.add(step + ": " + action.get());
        } catch (RuntimeException e) {
            outcomes.add(step + ": threw " + e.getClass().getName());
        }
    }
}
