package io.tributary.connect.rest.resources;

import io.tributary.connect.herder.Herder;
import io.tributary.connect.herder.HerderStage;
import io.tributary.connect.rest.entities.ServerInfo;
import io.tributary.connect.rest.entities.WorkerStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/** GET / (what this worker is) and GET /health (whether it can serve requests now). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RootResource {

    private final RestBackend backend;

    @Inject
    public RootResource(RestBackend backend) {
        this.backend = backend;
    }

    @GET
    public ServerInfo serverInfo() {
        return new ServerInfo(RestVersion.version(), RestVersion.commit(), backend.herder().kafkaClusterId());
    }

    /**
     * 503 "starting" until the herder exists and has read its state; then healthy only if the herder
     * thread answers a no-op within the health check timeout, else 500 "unhealthy".
     */
    @GET
    @Path("health")
    public Response health() {
        Optional<Herder> herder = backend.herderIfInitialized();
        if (herder.isEmpty() || !herder.get().isReady()) {
            return Response.status(503).entity(WorkerStatus.starting()).build();
        }
        try {
            backend.await(herder.get().healthCheck(), backend.healthCheckTimeout());
        } catch (RestBackend.RequestTimedOutException e) {
            return Response.status(500).entity(WorkerStatus.unhealthy(e.stage().map(HerderStage::describe))).build();
        }
        return Response.ok(WorkerStatus.healthy()).build();
    }
}
