package io.tributary.connect.rest.resources;

import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Kafka Connect's internal PUT /connectors/{name}/fence (KIP-618): a worker about to start an exactly-once source
 * task asks the leader to fence out the producers of the connector's previous task generation. Signed like every
 * request only workers make; the body is read as bytes (usually none) because the signature covers exactly those.
 */
@Path("/connectors/{connector}/fence")
@Produces(MediaType.APPLICATION_JSON)
public class ZombieFencingResource {

    private final RestBackend backend;

    @Inject
    public ZombieFencingResource(RestBackend backend) {
        this.backend = backend;
    }

    @PUT
    public Response fence(@QueryParam("forward") String forward, @PathParam("connector") String connector,
                          @Context HttpHeaders headers, byte[] body) {
        InternalRequests.verify(backend, headers, body);
        backend.await(backend.herder().fenceZombieSourceTasks(ClientRequests.context(forward, headers), connector));
        return Response.noContent().build();
    }
}
