package io.tributary.connect.rest.distributed;

import io.tributary.connect.e2e.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Request bodies for file connectors, and waiting on REST answers, shared by the distributed REST suites. */
final class DistributedRestFixture {

    private final Path dir;

    DistributedRestFixture(Path dir) {
        this.dir = dir;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A FileStreamSource config body (no name) reading a fresh two-line file into {@code topic}. */
    String sourceConfig(String topic) {
        try {
            Path input = Files.writeString(dir.resolve(uniqueName("in") + ".txt"), "a\nb\n");
            return "{\"connector.class\":\"FileStreamSource\",\"tasks.max\":\"1\",\"topic\":\"" + topic
                    + "\",\"file\":\"" + input + "\"}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String sinkConfig(String topic) {
        Path output = dir.resolve(uniqueName("out") + ".txt");
        return "{\"connector.class\":\"FileStreamSink\",\"tasks.max\":\"1\",\"topics\":\"" + topic
                + "\",\"file\":\"" + output + "\"}";
    }

    /** Creates through {@code client} and waits until its task reports RUNNING there. */
    void createRunning(RestClient client, String name, String config) {
        RestClient.Response created = client.post("/connectors",
                "{\"name\":\"" + name + "\",\"config\":" + config + "}");
        if (created.status() != 201) {
            throw new AssertionError("create " + name + ": " + created.status() + " " + created.body());
        }
        awaitTaskState(client, name, "RUNNING");
    }

    static void awaitTaskState(RestClient client, String name, String state) {
        TwoWorkerCluster.await(name + " task 0 to be " + state, () -> {
            RestClient.Response status = client.get("/connectors/" + name + "/status");
            return status.status() == 200 && status.json().get("tasks").size() == 1
                    && status.json().get("tasks").get(0).get("state").asText().equals(state)
                    && status.json().get("connector").get("state").asText().equals(state);
        });
    }

    static void awaitConnectorState(RestClient client, String name, String state) {
        TwoWorkerCluster.await(name + " to be " + state, () -> {
            RestClient.Response status = client.get("/connectors/" + name + "/status");
            return status.status() == 200 && status.json().get("connector").get("state").asText().equals(state);
        });
    }
}
