package io.tributary.connect.plugins;

import static io.tributary.connect.plugins.PluginBuilder.converter;
import static io.tributary.connect.plugins.PluginBuilder.plugin;
import static io.tributary.connect.plugins.PluginBuilder.predicate;
import static io.tributary.connect.plugins.PluginBuilder.sinkConnector;
import static io.tributary.connect.plugins.PluginBuilder.sourceConnector;
import static io.tributary.connect.plugins.PluginBuilder.transformation;
import static io.tributary.connect.plugins.PluginBuilder.transformationBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alias rules observed on Apache Kafka Connect 4.1.1, replayed on similar plugin sets. */
class PluginAliasTest {

    @TempDir
    static Path pluginPath;
    private static Plugins plugins;

    @BeforeAll
    static void buildPlugins() throws IOException {
        plugin().source("com.a.FooConnector", sourceConnector("com.a", "FooConnector", "1"))
                .source("com.a.BarTransformation", transformation("com.a", "BarTransformation"))
                .source("com.a.BazPredicate", predicate("com.a", "BazPredicate"))
                .source("com.a.QuxConverter", converter("com.a", "QuxConverter"))
                .source("com.a.Outer", "package com.a;\npublic class Outer {\n"
                        + "  public static class Value<R extends org.apache.kafka.connect.connector.ConnectRecord<R>>"
                        + " implements org.apache.kafka.connect.transforms.Transformation<R> {\n" + transformationBody() + "  }\n"
                        + "  public static class Unique<R extends org.apache.kafka.connect.connector.ConnectRecord<R>> extends Value<R> {}\n"
                        + "}\n")
                .source("com.a.MineSinkConnector", sinkConnector("com.a", "MineSinkConnector", "1"))
                .source("com.a.MineSink", transformation("com.a", "MineSink"))
                .jar(pluginPath.resolve("a.jar"));
        plugin().source("com.b.FooConnector", sinkConnector("com.b", "FooConnector", "1"))
                .source("com.b.Bar", predicate("com.b", "Bar"))
                .source("com.b.Qux", converter("com.b", "Qux"))
                .source("com.b.Value", transformation("com.b", "Value"))
                .jar(pluginPath.resolve("b.jar"));
        plugins = TestPlugins.load(pluginPath);
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void simpleNameAndNameWithoutKindSuffixAreAliases() {
        assertThat(plugins.aliases())
                .containsEntry("BazPredicate", "com.a.BazPredicate")
                .containsEntry("Baz", "com.a.BazPredicate");
        assertThat(plugins.newPredicate("Baz").getClass().getName()).isEqualTo("com.a.BazPredicate");
    }

    @Test
    void nestedClassesResolveByBinaryNameAndByUniqueSimpleName() {
        assertThat(plugins.newTransformation("com.a.Outer$Unique").getClass().getName()).isEqualTo("com.a.Outer$Unique");
        assertThat(plugins.newTransformation("Unique").getClass().getName()).isEqualTo("com.a.Outer$Unique");
        assertThat(plugins.newTransformation("com.a.Outer$Value").getClass().getName()).isEqualTo("com.a.Outer$Value");
    }

    @Test
    void simpleNameSharedByTwoClassesIsNoAlias() {
        assertThat(plugins.aliases()).doesNotContainKeys("FooConnector", "Foo", "Value");
    }

    @Test
    void prunedNameCollidingWithAnotherClassesSimpleNameIsNoAliasForEither() {
        assertThat(plugins.aliases())
                .containsEntry("BarTransformation", "com.a.BarTransformation")
                .containsEntry("QuxConverter", "com.a.QuxConverter")
                .doesNotContainKeys("Bar", "Qux");
    }

    @Test
    void ambiguousConnectorAliasNamesTheCandidates() {
        assertThatThrownBy(() -> plugins.newConnector("Foo"))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("ambiguous")
                .hasMessageContaining("com.a.FooConnector")
                .hasMessageContaining("com.b.FooConnector");
    }

    @Test
    void ambiguousTransformationAliasIsRejected() {
        assertThatThrownBy(() -> plugins.newTransformation("Value"))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("com.a.Outer$Value")
                .hasMessageContaining("com.b.Value");
    }

    @Test
    void connectorAliasUniqueAmongConnectorsWorksEvenIfAnotherKindSharesIt() {
        assertThat(plugins.aliases()).doesNotContainKey("MineSink");
        assertThat(plugins.newConnector("MineSink").getClass().getName()).isEqualTo("com.a.MineSinkConnector");
    }

    @Test
    void classConfigSettingsResolveAliasesThroughTheDelegatingLoader() {
        ConfigDef def = new ConfigDef().define("converter", ConfigDef.Type.CLASS, ConfigDef.Importance.HIGH, "doc");
        try (LoaderSwap ignored = plugins.withClassLoader(plugins.delegatingLoader())) {
            Class<?> parsed = new AbstractConfig(def, Map.of("converter", "QuxConverter")).getClass("converter");

            assertThat(parsed.getName()).isEqualTo("com.a.QuxConverter");
            assertThat(parsed.getClassLoader()).isInstanceOf(PluginClassLoader.class);
        }
    }
}
