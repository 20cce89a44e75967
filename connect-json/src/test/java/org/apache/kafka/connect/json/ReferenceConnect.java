package org.apache.kafka.connect.json;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Apache's connect-api and connect-json jars in an isolated class loader, driven reflectively, plus a
 * translator that rebuilds our Connect schemas and values as reference-world objects.
 */
final class ReferenceConnect {

    private static final String PACKAGE = "org.apache.kafka.connect.";

    private final ClassLoader loader;
    private final Class<?> converterClass;
    private final Class<?> schemaClass;
    private final Class<?> schemaBuilderClass;
    private final Class<?> typeClass;
    private final Constructor<?> structConstructor;
    private final Method structPut;
    private final Method fromConnectData;
    private final Method toConnectData;
    private final Method fromConnectHeader;
    private final Method toConnectHeader;

    ReferenceConnect() {
        try {
            String dir = System.getProperty("reference.dir");
            if (dir == null) {
                throw new IllegalStateException("System property reference.dir is not set (run through Maven)");
            }
            loader = new ChildFirstClassLoader(new URL[] {jar(dir, "connect-api.jar"), jar(dir, "connect-json.jar")},
                    ReferenceConnect.class.getClassLoader(), PACKAGE);
            converterClass = loader.loadClass(PACKAGE + "json.JsonConverter");
            schemaClass = loader.loadClass(PACKAGE + "data.Schema");
            schemaBuilderClass = loader.loadClass(PACKAGE + "data.SchemaBuilder");
            typeClass = loader.loadClass(PACKAGE + "data.Schema$Type");
            Class<?> structClass = loader.loadClass(PACKAGE + "data.Struct");
            structConstructor = structClass.getConstructor(schemaClass);
            structPut = structClass.getMethod("put", String.class, Object.class);
            fromConnectData = converterClass.getMethod("fromConnectData", String.class, schemaClass, Object.class);
            toConnectData = converterClass.getMethod("toConnectData", String.class, byte[].class);
            fromConnectHeader = converterClass.getMethod("fromConnectHeader", String.class, String.class,
                    schemaClass, Object.class);
            toConnectHeader = converterClass.getMethod("toConnectHeader", String.class, String.class, byte[].class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Reference jars could not be loaded", e);
        }
    }

    private static URL jar(String dir, String name) {
        File file = new File(dir, name);
        if (!file.isFile()) {
            throw new IllegalStateException("Missing reference jar " + file);
        }
        try {
            return file.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    ClassLoader loader() {
        return loader;
    }

    Object newConverter() throws ReflectiveOperationException {
        return converterClass.getConstructor().newInstance();
    }

    Object newConverter(Map<String, ?> config, boolean isKey) throws ReflectiveOperationException {
        Object converter = newConverter();
        converterClass.getMethod("configure", Map.class, boolean.class).invoke(converter, config, isKey);
        return converter;
    }

    Object newHeaderConverter(Map<String, ?> config) throws ReflectiveOperationException {
        Object converter = newConverter();
        converterClass.getMethod("configure", Map.class).invoke(converter, config);
        return converter;
    }

    byte[] fromConnectData(Object converter, String topic, Object schema, Object value)
            throws ReflectiveOperationException {
        return (byte[]) fromConnectData.invoke(converter, topic, schema, value);
    }

    Object toConnectData(Object converter, String topic, byte[] bytes) throws ReflectiveOperationException {
        return toConnectData.invoke(converter, topic, bytes);
    }

    byte[] fromConnectHeader(Object converter, String topic, String key, Object schema, Object value)
            throws ReflectiveOperationException {
        return (byte[]) fromConnectHeader.invoke(converter, topic, key, schema, value);
    }

    Object toConnectHeader(Object converter, String topic, String key, byte[] bytes)
            throws ReflectiveOperationException {
        return toConnectHeader.invoke(converter, topic, key, bytes);
    }

    /** Rebuilds one of our schemas with the reference SchemaBuilder. */
    Object schema(Schema schema) throws ReflectiveOperationException {
        return new Translation().schema(schema);
    }

    /** Rebuilds one of our values (structs field by field; java.* values pass through). */
    Object value(Object value) throws ReflectiveOperationException {
        return new Translation().value(value);
    }

    /** One translation pass; remembers translated schemas so shared schemas stay shared. */
    private final class Translation {
        private final Map<Schema, Object> schemas = new IdentityHashMap<>();

        Object schema(Schema schema) throws ReflectiveOperationException {
            if (schema == null) {
                return null;
            }
            Object known = schemas.get(schema);
            if (known != null) {
                return known;
            }
            Object builder = builderFor(schema);
            if (schema.isOptional()) {
                invoke(builder, "optional");
            }
            if (schema.name() != null) {
                invoke(builder, "name", String.class, schema.name());
            }
            if (schema.version() != null) {
                invoke(builder, "version", Integer.class, schema.version());
            }
            if (schema.doc() != null) {
                invoke(builder, "doc", String.class, schema.doc());
            }
            if (schema.parameters() != null) {
                invoke(builder, "parameters", Map.class, schema.parameters());
            }
            if (schema.defaultValue() != null) {
                // A struct default may refer to the very schema being built: let it see the builder.
                schemas.put(schema, builder);
                invoke(builder, "defaultValue", Object.class, value(schema.defaultValue()));
            }
            // An unbuilt builder stays a builder, so identity-based equality behaves as on our side.
            Object translated = schema instanceof SchemaBuilder ? builder : invoke(builder, "build");
            schemas.put(schema, translated);
            return translated;
        }

        private Object builderFor(Schema schema) throws ReflectiveOperationException {
            switch (schema.type()) {
                case ARRAY:
                    return schemaBuilderClass.getMethod("array", schemaClass)
                            .invoke(null, schema(schema.valueSchema()));
                case MAP:
                    return schemaBuilderClass.getMethod("map", schemaClass, schemaClass)
                            .invoke(null, schema(schema.keySchema()), schema(schema.valueSchema()));
                case STRUCT:
                    Object builder = schemaBuilderClass.getMethod("struct").invoke(null);
                    for (Field field : schema.fields()) {
                        schemaBuilderClass.getMethod("field", String.class, schemaClass)
                                .invoke(builder, field.name(), schema(field.schema()));
                    }
                    return builder;
                default:
                    Object type = typeClass.getMethod("valueOf", String.class).invoke(null, schema.type().name());
                    return schemaBuilderClass.getMethod("type", typeClass).invoke(null, type);
            }
        }

        Object value(Object value) throws ReflectiveOperationException {
            if (value instanceof Struct struct) {
                Object translated = structConstructor.newInstance(schema(struct.schema()));
                for (Field field : struct.schema().fields()) {
                    Object fieldValue = struct.getWithoutDefault(field.name());
                    if (fieldValue != null) {
                        structPut.invoke(translated, field.name(), value(fieldValue));
                    }
                }
                return translated;
            }
            if (value instanceof List<?> list) {
                List<Object> translated = new ArrayList<>();
                for (Object element : list) {
                    translated.add(value(element));
                }
                return translated;
            }
            if (value instanceof Set<?> set) {
                Set<Object> translated = new LinkedHashSet<>();
                for (Object element : set) {
                    translated.add(value(element));
                }
                return translated;
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> translated = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    translated.put(value(entry.getKey()), value(entry.getValue()));
                }
                return translated;
            }
            return value;
        }

        private Object invoke(Object builder, String method) throws ReflectiveOperationException {
            return schemaBuilderClass.getMethod(method).invoke(builder);
        }

        private Object invoke(Object builder, String method, Class<?> parameterType, Object argument)
                throws ReflectiveOperationException {
            return schemaBuilderClass.getMethod(method, parameterType).invoke(builder, argument);
        }
    }
}
