package io.tributary.connect.rest.extensions;

import io.tributary.connect.herder.Herder;
import io.tributary.connect.model.ConnectorStateInfo;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.health.ConnectClusterDetails;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.health.ConnectorHealth;
import org.apache.kafka.connect.health.ConnectorState;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.health.TaskState;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cluster as REST extensions see it ({@code ConnectRestExtensionContext.clusterState()}), answered by the
 * herder. Failures surface as Kafka Connect's do: reading the connectors or a connector's config fails with a
 * {@link ConnectException} whose cause says why (a {@link NotFoundException} for an unknown connector, inside);
 * the health of an unknown connector is a {@link NotFoundException}.
 */
final class HerderClusterState implements ConnectClusterState {

    private final Herder herder;
    private final Duration timeout;
    private final ConnectClusterDetails details;

    /** @param timeout how long a question may wait for the herder: Kafka Connect's REST timeout, capped by rebalance.timeout.ms */
    HerderClusterState(Herder herder, Duration timeout) {
        this.herder = herder;
        this.timeout = timeout;
        this.details = new ClusterDetails(herder.kafkaClusterId());
    }

    @Override
    public Collection<String> connectors() {
        try {
            return await(herder.connectors());
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException("Failed to retrieve list of connectors", e);
        }
    }

    @Override
    public ConnectorHealth connectorHealth(String connector) {
        ConnectorStateInfo status = herder.connectorStatus(connector);
        if (status == null) {
            throw new NotFoundException("No status found for connector " + connector);
        }
        ConnectorStateInfo.ConnectorState own = status.connector();
        Map<Integer, TaskState> tasks = new HashMap<>();
        for (ConnectorStateInfo.TaskState task : status.tasks()) {
            tasks.put(task.id(), new TaskState(task.id(), task.state(), task.workerId(), task.trace()));
        }
        return new ConnectorHealth(connector, new ConnectorState(own.state(), own.workerId(), own.trace()), tasks,
                status.type() == null ? ConnectorType.UNKNOWN : ConnectorType.valueOf(status.type().name()));
    }

    @Override
    public Map<String, String> connectorConfig(String connector) {
        try {
            return new HashMap<>(await(herder.connectorConfig(connector)));
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException(String.format("Failed to retrieve configuration for connector '%s'", connector), e);
        }
    }

    @Override
    public ConnectClusterDetails clusterDetails() {
        return details;
    }

    private <T> T await(CompletableFuture<T> answer) throws ExecutionException, TimeoutException {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for the herder", e);
        }
    }
}
