package io.tributary.connect.rest.resources;

import io.tributary.connect.herder.BadRequestException;
import io.tributary.connect.model.ConnectorOffsets;
import io.tributary.connect.model.Message;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** A connector's offsets (KIP-875): read them any time, alter or reset them while the connector is stopped. */
@Path("/connectors/{connector}/offsets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectorOffsetsResource {

    private final RestBackend backend;

    /** The request's headers: its Authorization header goes along when the request is forwarded. */
    @Context
    private HttpHeaders headers;

    @Inject
    public ConnectorOffsetsResource(RestBackend backend) {
        this.backend = backend;
    }

    @GET
    public ConnectorOffsets offsets(@PathParam("connector") String connector) {
        return backend.await(backend.herder().connectorOffsets(connector));
    }

    /** Checked before the connector is looked up, as Kafka Connect does; a missing body is a 400 here too. */
    @PATCH
    public Message alter(@QueryParam("forward") String forward,
                         @PathParam("connector") String connector, ConnectorOffsets offsets) {
        if (offsets == null || offsets.offsets() == null || offsets.offsets().isEmpty()) {
            throw new BadRequestException("Partitions / offsets need to be provided for an alter offsets request");
        }
        return backend.await(backend.herder().alterConnectorOffsets(ClientRequests.context(forward, headers),
                connector, offsets));
    }

    @DELETE
    public Message reset(@QueryParam("forward") String forward, @PathParam("connector") String connector) {
        return backend.await(backend.herder().resetConnectorOffsets(ClientRequests.context(forward, headers),
                connector));
    }
}
