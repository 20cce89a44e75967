package io.tributary.connect.plugins;

import static io.tributary.connect.plugins.PluginBuilder.plugin;
import static io.tributary.connect.plugins.PluginBuilder.transformation;
import static io.tributary.connect.plugins.PluginBuilder.transformationBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginCandidateFilteringTest {

    private static final String RECORD = "R extends org.apache.kafka.connect.connector.ConnectRecord<R>";

    @TempDir
    Path pluginPath;

    @Test
    void onlyPublicConcreteClassesWithAPublicNoArgConstructorArePlugins() throws IOException {
        plugin().source("com.x.Kinds", "package com.x;\npublic class Kinds {\n"
                        + "  public static class Good<" + RECORD + "> implements org.apache.kafka.connect.transforms.Transformation<R> {\n"
                        + transformationBody() + "  }\n"
                        + "  public abstract static class Abstract<" + RECORD + "> extends Good<R> {}\n"
                        + "  static class PackagePrivate<" + RECORD + "> extends Good<R> {}\n"
                        + "  public class Inner<" + RECORD + "> extends Good<R> {}\n"
                        + "  public static class NeedsArgument<" + RECORD + "> extends Good<R> { public NeedsArgument(int x) {} }\n"
                        + "  public static class PrivateConstructor<" + RECORD + "> extends Good<R> { private PrivateConstructor() {} }\n"
                        + "  public interface SubInterface<" + RECORD + "> extends org.apache.kafka.connect.transforms.Transformation<R> {}\n"
                        + "}\n")
                .source("com.x.Hidden", "package com.x;\nclass Hidden<" + RECORD + "> extends Kinds.Good<R> {}\n")
                .source("com.x.Plain", transformation("com.x", "Plain"))
                .jar(pluginPath.resolve("x.jar"));

        try (Plugins plugins = TestPlugins.load(pluginPath)) {
            assertThat(plugins.descriptors(PluginType.TRANSFORMATION))
                    .extracting(PluginDescriptor::className)
                    .containsExactly("com.x.Kinds$Good", "com.x.Plain");
        }
    }

    @Test
    void classImplementingTwoKindsGetsOneDescriptorPerKind() throws IOException {
        plugin().source("com.y.Both", "package com.y;\n"
                        + "import org.apache.kafka.connect.data.*;\n"
                        + "public class Both implements org.apache.kafka.connect.storage.Converter, org.apache.kafka.connect.storage.HeaderConverter {\n"
                        + "  public void configure(java.util.Map<String, ?> c, boolean k) {}\n"
                        + "  public void configure(java.util.Map<String, ?> c) {}\n"
                        + "  public byte[] fromConnectData(String t, Schema s, Object v) { return null; }\n"
                        + "  public SchemaAndValue toConnectData(String t, byte[] v) { return null; }\n"
                        + "  public byte[] fromConnectHeader(String t, String h, Schema s, Object v) { return null; }\n"
                        + "  public SchemaAndValue toConnectHeader(String t, String h, byte[] v) { return null; }\n"
                        + "  public org.apache.kafka.common.config.ConfigDef config() { return new org.apache.kafka.common.config.ConfigDef(); }\n"
                        + "  public void close() {}\n"
                        + "}\n")
                .classesDir(pluginPath.resolve("both"));

        try (Plugins plugins = TestPlugins.load(pluginPath)) {
            assertThat(plugins.descriptors()).extracting(PluginDescriptor::typeName)
                    .containsExactlyInAnyOrder("converter", "header_converter");
        }
    }
}
