package io.tributary.connect.rest.resources;

import io.tributary.connect.rest.entities.ActiveTopics;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** The topics a connector used (KIP-558), and forgetting them. */
@Path("/connectors/{connector}/topics")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorTopicsResource {

    private final RestBackend backend;

    @Inject
    public ConnectorTopicsResource(RestBackend backend) {
        this.backend = backend;
    }

    /** Answers {@code {"<name>": {"topics": [...]}}}. */
    @GET
    public Map<String, ActiveTopics> topics(@PathParam("connector") String connector) {
        return Map.of(connector, new ActiveTopics(backend.await(backend.herder().connectorActiveTopics(connector))));
    }

    @PUT
    @Path("reset")
    public Response reset(@PathParam("connector") String connector) {
        backend.await(backend.herder().resetConnectorActiveTopics(connector));
        return Response.accepted().build();
    }
}
