package io.tributary.connect.transforms.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Runs one transformation, ours and Apache's, over the same records and compares what comes out:
 * the rendered records, or the type of the exception thrown by configure or apply. Messages are
 * not compared (ours are our own words), only kept for the failure report.
 */
final class Differential {

    private static final ClassLoader REFERENCE = ReferenceClassLoader.create();

    private Differential() {
    }

    /** Configures both, then applies both to each record in turn (so schema caches are exercised). */
    static void assertSameOutcomes(String transformation, Map<String, ?> config, List<? extends ConnectRecord<?>> records) {
        List<String> ours = runOurs(transformation, config, records);
        List<String> reference = runReference(transformation, config, records);
        assertThat(kinds(ours)).as("outcomes of %s with %s\nours:\n%s\nreference:\n%s", transformation, config,
                String.join("\n", ours), String.join("\n", reference)).isEqualTo(kinds(reference));
    }

    static void assertSameOutcome(String transformation, Map<String, ?> config, ConnectRecord<?> record) {
        assertSameOutcomes(transformation, config, List.of(record));
    }

    /** Drops exception messages, which may be worded differently. */
    private static List<String> kinds(List<String> outcomes) {
        return outcomes.stream().map(outcome -> outcome.startsWith("threw ")
                ? outcome.substring(0, outcome.indexOf(':')) : outcome).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> runOurs(String transformation, Map<String, ?> config,
            List<? extends ConnectRecord<?>> records) {
        Transformation instance;
        try {
            instance = (Transformation) Class.forName(transformation).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        try {
            instance.configure(config);
        } catch (RuntimeException e) {
            return List.of(describe("configure", e));
        }
        return records.stream().map(record -> {
            try {
                return Rendering.record(instance.apply(record));
            } catch (RuntimeException e) {
                return describe("apply", e);
            }
        }).toList();
    }

    private static List<String> runReference(String transformation, Map<String, ?> config,
            List<? extends ConnectRecord<?>> records) {
        Object instance;
        try {
            instance = Class.forName(transformation, true, REFERENCE).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        try {
            Reflect.call(instance, "configure", config);
        } catch (RuntimeException e) {
            return List.of(describe("configure", e));
        }
        ToReference translator = new ToReference(REFERENCE);
        return records.stream().map(record -> {
            Object translated = translator.record(record);
            try {
                return Rendering.record(Reflect.call(instance, "apply", translated));
            } catch (RuntimeException e) {
                return describe("apply", e);
            }
        }).toList();
    }

    private static String describe(String step, Throwable e) {
        return "threw " + step + " " + e.getClass().getName() + ": " + e.getMessage();
    }

    static ClassLoader referenceLoader() {
        return REFERENCE;
    }

    static Object referenceInstance(String transformation) {
        try {
            return Class.forName(transformation, true, REFERENCE).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
