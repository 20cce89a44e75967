package io.tributary.connect.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.plugins.Plugins;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's own plugins, found by {@link Plugins}, are listed the way Kafka Connect 4.1.1 lists its own. */
class RealPluginsListingTest {

    /** Kafka Connect's kind order; connectors (sink and source together) come first. */
    private static final List<String> KIND_ORDER =
            List.of("connector", "transformation", "predicate", "converter", "header_converter");

    @Test
    void listsBuiltInPluginsGroupedByKindAndSortedByClassWithinEachKind() {
        try (Plugins plugins = new Plugins(Map.of("plugin.discovery", "only_scan"), Time.SYSTEM);
             RestTestServer rest = RestTestServer.ready()) {
            rest.plugins.addAll(plugins.descriptors());

            JsonNode answer = rest.get("/connector-plugins?connectorsOnly=false").json();

            List<JsonNode> listed = new ArrayList<>();
            answer.forEach(listed::add);
            assertThat(listed).extracting(plugin -> plugin.get("class").asText() + " " + plugin.get("type").asText())
                    .contains("org.apache.kafka.connect.file.FileStreamSinkConnector sink",
                            "org.apache.kafka.connect.json.JsonConverter converter",
                            "org.apache.kafka.connect.json.JsonConverter header_converter");
            assertThat(listed).isSortedAccordingTo(Comparator
                    .comparing((JsonNode plugin) -> KIND_ORDER.indexOf(kind(plugin)))
                    .thenComparing(plugin -> plugin.get("class").asText()));
        }
    }

    private static String kind(JsonNode plugin) {
        String type = plugin.get("type").asText();
        return type.equals("source") || type.equals("sink") ? "connector" : type;
    }
}
