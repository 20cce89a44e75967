package io.tributary.connect.rest;

import io.tributary.connect.herder.Created;
import io.tributary.connect.herder.Herder;
import io.tributary.connect.herder.HerderStage;
import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.TaskInfo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A herder whose answers a test scripts, for the REST layer's handling of failures, stalls and startup: requests
 * that fail, requests that never finish, a herder that is not ready or is busy, a health check that hangs. It has
 * no connectors and lists none; every connector request is unsupported, since connector semantics are tested
 * against a real worker ({@link LiveWorker}).
 */
final class ScriptedHerder implements Herder {

    private volatile boolean ready = true;
    private volatile CompletableFuture<Void> healthCheck = CompletableFuture.completedFuture(null);
    private volatile CompletableFuture<Object> nextAnswer;
    private volatile CompletableFuture<Void> stalledArrived = new CompletableFuture<>();
    private volatile RuntimeException nextFailure;
    private volatile HerderStage stage;

    void ready(boolean ready) {
        this.ready = ready;
    }

    /** Health checks from now on complete only when the returned future does. */
    CompletableFuture<Void> stallHealthChecks() {
        healthCheck = new CompletableFuture<>();
        return healthCheck;
    }

    /**
     * The next request completes only when the returned future does, as if the herder thread were busy;
     * {@link #stalledRequestArrived()} completes once that request reached the herder.
     */
    CompletableFuture<Object> stallNextRequest() {
        stalledArrived = new CompletableFuture<>();
        nextAnswer = new CompletableFuture<>();
        return nextAnswer;
    }

    CompletableFuture<Void> stalledRequestArrived() {
        return stalledArrived;
    }

    /** The next request fails with this exception. */
    void failNextRequest(RuntimeException failure) {
        nextFailure = failure;
    }

    /** Makes the herder say it is busy with {@code description} since {@code startedAtMs}. */
    void busyWith(String description, long startedAtMs) {
        stage = new HerderStage(description, startedAtMs);
    }

    /** Back to a ready, responsive herder between tests sharing a server. */
    void reset() {
        ready = true;
        healthCheck = CompletableFuture.completedFuture(null);
        nextAnswer = null;
        nextFailure = null;
        stage = null;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public CompletableFuture<Void> healthCheck() {
        return healthCheck;
    }

    @Override
    public Optional<HerderStage> currentStage() {
        return Optional.ofNullable(stage);
    }

    @Override
    public String kafkaClusterId() {
        throw unsupported();
    }

    /** The one request the scripted answers apply to: no connectors, unless the test scripted otherwise. */
    @Override
    @SuppressWarnings("unchecked")
    public synchronized CompletableFuture<Collection<String>> connectors() {
        CompletableFuture<Object> stalled = nextAnswer;
        RuntimeException failure = nextFailure;
        nextAnswer = null;
        nextFailure = null;
        if (stalled != null) {
            stalledArrived.complete(null);
            return stalled.thenApply(answer -> (Collection<String>) answer);
        }
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public String workerId() {
        throw unsupported();
    }

    @Override
    public CompletableFuture<ConnectorInfo> connectorInfo(String connector) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<Map<String, String>> connectorConfig(String connector) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(RequestContext context, String connector,
                                                                        Map<String, String> config,
                                                                        TargetState initialState, boolean allowReplace) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> patchConnectorConfig(RequestContext context, String connector,
                                                                          Map<String, String> patch) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> deleteConnectorConfig(RequestContext context, String connector) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<List<TaskInfo>> taskConfigs(String connector) {
        throw unsupported();
    }

    @Override
    public void requestTaskReconfiguration(String connector) {
        throw unsupported();
    }

    @Override
    public ConnectorStateInfo connectorStatus(String connector) {
        throw unsupported();
    }

    @Override
    public ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<Void> restartConnector(RequestContext context, String connector) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<Void> restartTask(RequestContext context, ConnectorTaskId id) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RequestContext context, RestartRequest request) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<Void> pauseConnector(String connector) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String connector) {
        throw unsupported();
    }

    @Override
    public CompletableFuture<Void> stopConnector(RequestContext context, String connector) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("A scripted herder has no connectors: test connector requests "
                + "against a LiveWorker");
    }
}
