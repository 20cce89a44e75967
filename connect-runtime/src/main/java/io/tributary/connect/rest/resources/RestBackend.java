package io.tributary.connect.rest.resources;

import io.tributary.connect.herder.Herder;
import io.tributary.connect.herder.HerderStage;
import io.tributary.connect.rest.errors.RestException;
import io.tributary.connect.metrics.ConnectMetrics;
import io.tributary.connect.metrics.PrometheusExposition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.connect.errors.ConnectException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the resources talk to: the herder and plugins once the worker has built them (the server
 * starts earlier, so /health can say "starting"), the metric registries once they exist, and the time
 * limits for waiting on the herder.
 */
public final class RestBackend {

    /** Kafka Connect waits this long for the herder before answering 500; plugin calls get the same deadline. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Herder.REQUEST_TIMEOUT;
    /** Health probes must fail fast enough for orchestrators that retry them, hence shorter. */
    public static final Duration DEFAULT_HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private volatile Herder herder;
    private volatile PluginCatalog plugins;
    private volatile PrometheusExposition metrics;
    private volatile Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private volatile Duration healthCheckTimeout = DEFAULT_HEALTH_CHECK_TIMEOUT;

    public void initialize(Herder herder, PluginCatalog plugins) {
        this.plugins = plugins;
        this.herder = herder;
    }

    /** The registries GET /metrics renders; the worker hands them over as soon as they exist, before the herder. */
    public void exposeMetrics(List<Metrics> registries) {
        this.metrics = new PrometheusExposition(ConnectMetrics.JMX_PREFIX, registries);
    }

    /** The registries' renderer, or a 503 while the worker has not created them yet. */
    public PrometheusExposition metrics() {
        PrometheusExposition current = metrics;
        if (current == null) {
            throw stillStarting();
        }
        return current;
    }

    public void requestTimeout(Duration timeout) {
        this.requestTimeout = timeout;
    }

    public void healthCheckTimeout(Duration timeout) {
        this.healthCheckTimeout = timeout;
    }

    public Duration healthCheckTimeout() {
        return healthCheckTimeout;
    }

    /** The herder, or a 503 while the worker is still building it. */
    public Herder herder() {
        Herder current = herder;
        if (current == null) {
            throw stillStarting();
        }
        return current;
    }

    private static RestException stillStarting() {
        return new RestException(503, "The worker is still starting up and cannot handle this request yet; "
                + "try again shortly");
    }

    public Optional<Herder> herderIfInitialized() {
        return Optional.ofNullable(herder);
    }

    public PluginCatalog plugins() {
        herder();
        return plugins;
    }

    /** Waits for a herder answer within the request timeout, rethrowing its failure for the exception mapper. */
    public <T> T await(CompletableFuture<T> answer) {
        return await(answer, requestTimeout);
    }

    public <T> T await(CompletableFuture<T> answer, Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Nobody will read the answer: where it is a plugin call's own future, this cancels the call too.
            answer.cancel(true);
            throw new RequestTimedOutException(timeout, herderIfInitialized().flatMap(Herder::currentStage));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestException(500, "Interrupted while waiting for the worker to answer");
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    private static RuntimeException rethrowable(Throwable cause) {
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new ConnectException(cause.getMessage(), cause);
    }

    /** The herder did not answer in time; /health tells this apart from other failures. */
    public static final class RequestTimedOutException extends RestException {

        private final Optional<HerderStage> stage;

        RequestTimedOutException(Duration timeout, Optional<HerderStage> stage) {
            super(500, "Request timed out: the worker did not answer within " + timeout.toMillis() + " ms"
                    + stage.map(busy -> ". " + busy.describe()).orElse(""));
            this.stage = stage;
        }

        /** What held the worker up, when it knew. */
        public Optional<HerderStage> stage() {
            return stage;
        }
    }
}
