package io.tributary.connect.rest.resources;

import io.tributary.connect.metrics.PrometheusExposition;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * GET /metrics: the worker's metrics in the Prometheus text format, for scrapers that would otherwise need the
 * JMX exporter agent. Registered only when tributary.metrics.prometheus.enable is true (404 otherwise); 503 until
 * the worker has created its metrics, then whatever is registered, also while the herder is still starting.
 */
@Path("/metrics")
public class MetricsResource {

    private final RestBackend backend;

    @Inject
    public MetricsResource(RestBackend backend) {
        this.backend = backend;
    }

    @GET
    @Produces(PrometheusExposition.CONTENT_TYPE)
    public String metrics() {
        return backend.metrics().render();
    }
}
