package io.tributary.connect.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.health.ConnectorHealth;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A small REST extension, as a user would write one: a request filter that lets through only requests whose
 * Authorization header is {@code Bearer <test.extension.token>} (and, like Apache's basic-auth filter, the internal
 * requests workers send each other), a response filter registered twice that marks every answer, and a resource
 * under /extension that reports what {@code clusterState()} answers.
 */
public class TokenRestExtension implements ConnectRestExtension {

    public static final String TOKEN_CONFIG = "test.extension.token";
    public static final String MARKER_HEADER = "X-Extension-Marker";

    /** Extensions of this class closed so far in this JVM. */
    public static final AtomicInteger CLOSED = new AtomicInteger();
    /** What the last configured instance received. */
    public static volatile Map<String, Object> lastSettings;

    private String token;

    @Override
    public void configure(Map<String, ?> settings) {
        lastSettings = Map.copyOf(settings);
        token = (String) settings.get(TOKEN_CONFIG);
    }

    @Override
    public void register(ConnectRestExtensionContext context) {
        context.configurable().register(new TokenFilter("Bearer " + token));
        context.configurable().register(MarkerFilter.class);
        context.configurable().register(MarkerFilter.class);
        context.configurable().register(new ClusterStateResource(context.clusterState()));
    }

    @Override
    public String version() {
        return "1.0-test";
    }

    @Override
    public void close() {
        CLOSED.incrementAndGet();
    }

    public static final class TokenFilter implements ContainerRequestFilter {

        private static final Pattern TASK_CONFIGS = Pattern.compile("/?connectors/[^/]+/tasks/?");
        private static final Pattern FENCE = Pattern.compile("/?connectors/[^/]+/fence/?");

        private final String expected;

        TokenFilter(String expected) {
            this.expected = expected;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            String path = request.getUriInfo().getPath();
            boolean internal = request.getMethod().equals("POST") && TASK_CONFIGS.matcher(path).matches()
                    || request.getMethod().equals("PUT") && FENCE.matcher(path).matches();
            if (!internal && !expected.equals(request.getHeaderString("Authorization"))) {
                request.abortWith(Response.status(Response.Status.UNAUTHORIZED).entity("no entry").build());
            }
        }
    }

    public static final class MarkerFilter implements ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().add(MARKER_HEADER, "seen");
        }
    }

    @Path("extension")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class ClusterStateResource {

        private final ConnectClusterState cluster;

        ClusterStateResource(ConnectClusterState cluster) {
            this.cluster = cluster;
        }

        @GET
        @Path("cluster")
        public Map<String, Object> cluster() {
            return Map.of("kafka_cluster_id", cluster.clusterDetails().kafkaClusterId());
        }

        @GET
        @Path("connectors")
        public Object connectors() {
            return answer(() -> List.copyOf(new TreeSet<>(cluster.connectors())));
        }

        @GET
        @Path("connectors/{name}/health")
        public Object health(@PathParam("name") String name) {
            return answer(() -> describe(cluster.connectorHealth(name)));
        }

        @GET
        @Path("connectors/{name}/config")
        public Object config(@PathParam("name") String name) {
            return answer(() -> new TreeMap<>(cluster.connectorConfig(name)));
        }

        private static Map<String, Object> describe(ConnectorHealth health) {
            Map<String, Object> tasks = new TreeMap<>();
            health.tasksState().forEach((id, task) -> tasks.put(String.valueOf(id), Map.of("id", task.taskId(),
                    "state", task.state(), "worker_id", task.workerId())));
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("name", health.name());
            described.put("state", health.connectorState().state());
            described.put("worker_id", health.connectorState().workerId());
            described.put("type", health.type().toString());
            described.put("tasks", tasks);
            return described;
        }

        /** What the cluster state answered, or which exception (and cause) it threw. */
        private static Object answer(Supplier<Object> question) {
            try {
                return question.get();
            } catch (RuntimeException e) {
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("exception", e.getClass().getName());
                failure.put("message", e.getMessage());
                failure.put("cause", e.getCause() == null ? null : e.getCause().getClass().getName());
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                failure.put("root_cause", root.getClass().getName());
                return failure;
            }
        }
    }
}
