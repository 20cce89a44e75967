package io.tributary.connect.rest;

import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.PluginType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tributary.connect.rest.RestTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /connector-plugins lists kinds in Kafka Connect's order, each sorted by class name. */
class ConnectorPluginsResourceTest {

    private static RestTestServer rest;

    @BeforeAll
    static void start() {
        rest = RestTestServer.ready();
        // Deliberately out of order, with one class found in two locations.
        rest.plugins.addAll(List.of(
                plugin("org.example.JsonConverter", PluginType.HEADER_CONVERTER),
                plugin("org.example.JsonConverter", PluginType.CONVERTER),
                plugin("org.example.ZSource", PluginType.SOURCE),
                plugin("org.example.HasHeaderKey", PluginType.PREDICATE),
                plugin("org.example.ASink", PluginType.SINK),
                plugin("org.example.Cast$Value", PluginType.TRANSFORMATION),
                plugin("org.example.Cast$Key", PluginType.TRANSFORMATION),
                plugin("org.example.ZSource", PluginType.SOURCE, "file:/plugins/z/"),
                plugin("org.example.Secrets", PluginType.CONFIGPROVIDER)));
    }

    @AfterAll
    static void stop() {
        rest.close();
    }

    @Test
    void listsOnlyConnectorsByDefault() {
        RestTestServer.Answer answer = rest.get("/connector-plugins");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("[{\"class\":\"org.example.ASink\",\"type\":\"sink\",\"version\":\"1.0\"},"
                + "{\"class\":\"org.example.ZSource\",\"type\":\"source\",\"version\":\"1.0\"}]"));
    }

    @Test
    void listsEveryPublicKindWhenNotConnectorsOnly() {
        RestTestServer.Answer answer = rest.get("/connector-plugins?connectorsOnly=false");

        assertThat(answer.json()).isEqualTo(json("["
                + "{\"class\":\"org.example.ASink\",\"type\":\"sink\",\"version\":\"1.0\"},"
                + "{\"class\":\"org.example.ZSource\",\"type\":\"source\",\"version\":\"1.0\"},"
                + "{\"class\":\"org.example.Cast$Key\",\"type\":\"transformation\",\"version\":\"1.0\"},"
                + "{\"class\":\"org.example.Cast$Value\",\"type\":\"transformation\",\"version\":\"1.0\"},"
                + "{\"class\":\"org.example.HasHeaderKey\",\"type\":\"predicate\",\"version\":\"1.0\"},"
                + "{\"class\":\"org.example.JsonConverter\",\"type\":\"converter\",\"version\":\"1.0\"},"
                + "{\"class\":\"org.example.JsonConverter\",\"type\":\"header_converter\",\"version\":\"1.0\"}]"));
    }

    @Test
    void aConnectorsOnlyValueOtherThanTrueListsEverything() {
        RestTestServer.Answer answer = rest.get("/connector-plugins?connectorsOnly=bogus");

        assertThat(answer.json()).hasSize(7);
    }

    private static PluginDescriptor plugin(String className, PluginType type) {
        return plugin(className, type, PluginDescriptor.CLASSPATH_LOCATION);
    }

    private static PluginDescriptor plugin(String className, PluginType type, String location) {
        return new PluginDescriptor(className, type, "1.0", location, ClassLoader.getSystemClassLoader(), Object.class);
    }
}
