package io.tributary.connect.plugins;

import static io.tributary.connect.plugins.PluginBuilder.plugin;
import static io.tributary.connect.plugins.PluginBuilder.sourceConnector;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two plugin locations ship different versions of the same classes. */
class PluginIsolationTest {

    private static final String CONNECTOR = "com.example.dup.DupConnector";
    private static final String GREETING = "com.example.dup.Greeting";

    @TempDir
    Path pluginPath;
    private Plugins plugins;

    @BeforeEach
    void buildTwoVersions() throws IOException {
        for (String version : new String[] {"1.0", "2.0"}) {
            plugin().source(CONNECTOR, sourceConnector("com.example.dup", "DupConnector", version))
                    .source(GREETING, "package com.example.dup;\npublic class Greeting {\n"
                            + "  public static String text() { return \"version " + version + "\"; }\n}\n")
                    .source("io.tributary.connect.plugins.ProbeOnParent", "package io.tributary.connect.plugins;\n"
                            + "public class ProbeOnParent { public static String origin() { return \"plugin " + version + "\"; } }\n")
                    .source("org.apache.kafka.connect.errors.ConnectException", "package org.apache.kafka.connect.errors;\n"
                            + "public class ConnectException extends RuntimeException { }\n")
                    .jar(pluginPath.resolve("dup-" + version).resolve("dup.jar"));
        }
        plugins = TestPlugins.load(pluginPath);
    }

    @AfterEach
    void close() {
        plugins.close();
    }

    @Test
    void bothCopiesAreDiscoveredWithTheirOwnLocation() {
        assertThat(plugins.descriptors(PluginType.SOURCE))
                .extracting(PluginDescriptor::version, PluginDescriptor::location)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.0", pluginPath.resolve("dup-1.0").toUri().toString()),
                        org.assertj.core.groups.Tuple.tuple("2.0", pluginPath.resolve("dup-2.0").toUri().toString()));
    }

    @Test
    void eachLocationLoadsItsOwnVersionOfASharedClassName() throws Exception {
        ClassLoader first = loaderOf("1.0");
        ClassLoader second = loaderOf("2.0");

        assertThat(Class.forName(GREETING, true, first).getMethod("text").invoke(null)).isEqualTo("version 1.0");
        assertThat(Class.forName(GREETING, true, second).getMethod("text").invoke(null)).isEqualTo("version 2.0");
        assertThat(first).isNotSameAs(second);
    }

    @Test
    void newestVersionWinsWhenCreatingByName() {
        assertThat(plugins.newConnector(CONNECTOR).version()).isEqualTo("2.0");
        assertThat(plugins.pluginLoader(CONNECTOR)).isSameAs(loaderOf("2.0"));
    }

    @Test
    void pluginCopyOfANonApiClassWinsOverTheWorkersCopy() throws Exception {
        Class<?> seenByPlugin = Class.forName(ProbeOnParent.class.getName(), true, loaderOf("1.0"));

        assertThat(seenByPlugin).isNotSameAs(ProbeOnParent.class);
        assertThat(seenByPlugin.getMethod("origin").invoke(null)).isEqualTo("plugin 1.0");
    }

    @Test
    void bundledCopyOfAnApiClassIsIgnoredInFavourOfTheWorkers() throws Exception {
        assertThat(Class.forName(ConnectException.class.getName(), false, loaderOf("1.0"))).isSameAs(ConnectException.class);
    }

    private ClassLoader loaderOf(String version) {
        return plugins.descriptors(PluginType.SOURCE).stream()
                .filter(d -> d.version().equals(version)).findFirst().orElseThrow().loader();
    }
}
