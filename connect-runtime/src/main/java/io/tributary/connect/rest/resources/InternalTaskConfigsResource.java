package io.tributary.connect.rest.resources;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/**
 * POST /connectors/{name}/tasks alone, for a server only workers talk to (MirrorMaker 2's internal REST server):
 * none of the task reads and restarts the public API serves there.
 */
@Path("/connectors/{connector}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class InternalTaskConfigsResource {

    private final RestBackend backend;

    @Inject
    public InternalTaskConfigsResource(RestBackend backend) {
        this.backend = backend;
    }

    @POST
    public Response putTaskConfigs(@QueryParam("forward") String forward, @PathParam("connector") String connector,
                                   @Context HttpHeaders headers, byte[] body) throws IOException {
        InternalRequests.putTaskConfigs(backend, forward, connector, headers, body);
        return Response.noContent().build();
    }
}
