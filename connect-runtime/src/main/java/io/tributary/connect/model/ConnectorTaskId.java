package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Comparator;
import java.util.Objects;

/** One task of one connector; serialised as {@code {"connector": name, "task": n}} like Apache's. */
@JsonPropertyOrder({"connector", "task"})
public record ConnectorTaskId(@JsonProperty("connector") String connector, @JsonProperty("task") int task)
        implements Comparable<ConnectorTaskId> {

    private static final Comparator<ConnectorTaskId> ORDER =
            Comparator.comparing(ConnectorTaskId::connector).thenComparingInt(ConnectorTaskId::task);

    public ConnectorTaskId {
        Objects.requireNonNull(connector, "connector");
    }

    @Override
    public int compareTo(ConnectorTaskId other) {
        return ORDER.compare(this, other);
    }

    /** The form used in thread names, logs and status keys: {@code name-0}. */
    @Override
    public String toString() {
        return connector + "-" + task;
    }
}
