package io.tributary.connect.transforms.probe;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * Runs one transformation or predicate on one sample and describes the outcome as text. The class is
 * loaded twice: normally (our Connect API and transformations) and inside an isolating class loader
 * over Apache's jars, so its outcomes can be compared string for string.
 */
public final class Probe {

    public static List<String> sampleNames() {
        return Samples.names();
    }

    /** Key and value both carry the sample; the record also has a timestamp (unless told not to) and headers. */
    public String transform(String className, Map<String, String> config, String sample, String recordKind) {
        Transformation<SourceRecord> transformation;
        try {
            transformation = instantiate(className);
            transformation.configure(config);
        } catch (Throwable e) {
            return "configure " + Render.failure(e);
        }
        try {
            if (recordKind.equals("sink")) {
                @SuppressWarnings("unchecked")
                Transformation<SinkRecord> sinkTransformation = (Transformation<SinkRecord>) (Object) transformation;
                return Render.record(sinkTransformation.apply(sinkRecord(sample)));
            }
            return Render.record(transformation.apply(sourceRecord(sample, !recordKind.equals("no-timestamp"))));
        } catch (Throwable e) {
            return "apply " + Render.failure(e);
        } finally {
            transformation.close();
        }
    }

    public String predicate(String className, Map<String, String> config, String sample, String topic) {
        Predicate<SourceRecord> predicate;
        try {
            predicate = instantiate(className);
            predicate.configure(config);
        } catch (Throwable e) {
            return "configure " + Render.failure(e);
        }
        try {
            SchemaAndValue value = Samples.get(sample);
            SourceRecord record = new SourceRecord(null, null, topic, 0, null, null, value.schema(), value.value(),
                    1L, headers());
            return predicate.test(record) + " toString=" + predicate;
        } catch (Throwable e) {
            return "test " + Render.failure(e);
        } finally {
            predicate.close();
        }
    }

    public String version(String className) {
        try {
            return ((org.apache.kafka.connect.components.Versioned) instantiate(className)).version();
        } catch (ReflectiveOperationException e) {
            return Render.failure(e);
        }
    }

    /** Where the class was loaded from: a jar for Apache's side, our build output for ours. */
    public String location(String className) {
        try {
            return String.valueOf(Class.forName(className).getProtectionDomain().getCodeSource().getLocation());
        } catch (ReflectiveOperationException e) {
            return Render.failure(e);
        }
    }

    public String configDef(String className) {
        try {
            Object plugin = Class.forName(className).getConstructor().newInstance();
            ConfigDef def = plugin instanceof Transformation<?> t ? t.config() : ((Predicate<?>) plugin).config();
            return Render.configDef(def);
        } catch (ReflectiveOperationException e) {
            return Render.failure(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T instantiate(String className) throws ReflectiveOperationException {
        return (T) Class.forName(className).getConstructor().newInstance();
    }

    private static SourceRecord sourceRecord(String sample, boolean withTimestamp) {
        SchemaAndValue key = Samples.get(sample);
        SchemaAndValue value = Samples.get(sample);
        return new SourceRecord(Map.of("part", 1), Map.of("off", 2), "orders.eu-west", 3,
                key.schema(), key.value(), value.schema(), value.value(),
                withTimestamp ? Samples.INSTANT : null, headers());
    }

    private static SinkRecord sinkRecord(String sample) {
        SchemaAndValue key = Samples.get(sample);
        SchemaAndValue value = Samples.get(sample);
        return new SinkRecord("orders.eu-west", 3, key.schema(), key.value(), value.schema(), value.value(),
                42L, Samples.INSTANT, org.apache.kafka.common.record.TimestampType.CREATE_TIME, headers());
    }

    private static ConnectHeaders headers() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("h1", "a");
        headers.addInt("h2", 5);
        headers.add("h3", null, Schema.OPTIONAL_STRING_SCHEMA);
        return headers;
    }
}
