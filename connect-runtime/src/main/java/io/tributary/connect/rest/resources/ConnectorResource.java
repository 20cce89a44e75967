package io.tributary.connect.rest.resources;

import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.herder.BadRequestException;
import io.tributary.connect.herder.Created;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apache.kafka.connect.errors.NotFoundException;

import java.util.Map;
import java.util.Objects;

/** One connector: its info, config, status, deletion, restart and target state. */
@Path("/connectors/{connector}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectorResource {

    private final RestBackend backend;

    /** The request's headers: its Authorization header goes along when the request is forwarded. */
    @Context
    private HttpHeaders headers;

    @Inject
    public ConnectorResource(RestBackend backend) {
        this.backend = backend;
    }

    @GET
    public ConnectorInfo info(@PathParam("connector") String connector) {
        return backend.await(backend.herder().connectorInfo(connector));
    }

    @DELETE
    public Response delete(@QueryParam("forward") String forward, @PathParam("connector") String connector) {
        backend.await(backend.herder().deleteConnectorConfig(ClientRequests.context(forward, headers), connector));
        return Response.noContent().build();
    }

    @GET
    @Path("config")
    public Map<String, String> config(@PathParam("connector") String connector) {
        return backend.await(backend.herder().connectorConfig(connector));
    }

    /** Creates (201 with Location) or replaces (200) the connector's whole config. */
    @PUT
    @Path("config")
    public Response putConfig(@QueryParam("forward") String forward, @PathParam("connector") String connector,
                              Map<String, String> body, @Context UriInfo uri) {
        ConnectorNames.validate(connector);
        Map<String, String> config = ConnectorConfigs.withName(connector,
                ConnectorConfigs.requireComplete(body, "connector configuration"));
        Created<ConnectorInfo> result = backend.await(backend.herder()
                .putConnectorConfig(ClientRequests.context(forward, headers), connector, config, TargetState.STARTED,
                        true));
        if (result.created()) {
            return Response.created(ConnectorsResource.location(uri, connector)).entity(result.result()).build();
        }
        return Response.ok(result.result()).build();
    }

    /**
     * Merges the body into the existing config; a null value removes the key. Unlike Kafka Connect,
     * a patch may not rename the connector's "name" property, which would leave it contradicting the URL.
     */
    @PATCH
    @Path("config")
    public ConnectorInfo patchConfig(@QueryParam("forward") String forward,
                                     @PathParam("connector") String connector, Map<String, String> patch) {
        if (patch == null) {
            throw new BadRequestException("Request body is missing: expected a JSON object of the properties to change");
        }
        if (patch.containsKey("name") && !Objects.equals(connector, patch.get("name"))) {
            throw ConnectorConfigs.nameMismatch(connector, patch.get("name"));
        }
        return backend.await(backend.herder().patchConnectorConfig(ClientRequests.context(forward, headers),
                connector, patch)).result();
    }

    @GET
    @Path("status")
    public ConnectorStateInfo status(@PathParam("connector") String connector) {
        ConnectorStateInfo status = backend.herder().connectorStatus(connector);
        if (status == null) {
            throw new NotFoundException("No status found for connector " + connector);
        }
        return status;
    }

    /** Without flags only the connector restarts (204); with them the chosen instances do (202 with statuses). */
    @POST
    @Path("restart")
    public Response restart(@QueryParam("forward") String forward, @PathParam("connector") String connector,
                            @QueryParam("includeTasks") @DefaultValue("false") boolean includeTasks,
                            @QueryParam("onlyFailed") @DefaultValue("false") boolean onlyFailed) {
        RestartRequest request = new RestartRequest(connector, onlyFailed, includeTasks);
        RequestContext context = ClientRequests.context(forward, headers);
        if (request.isPlainConnectorRestart()) {
            backend.await(backend.herder().restartConnector(context, connector));
            return Response.noContent().build();
        }
        ConnectorStateInfo statuses = backend.await(backend.herder().restartConnectorAndTasks(context, request));
        return Response.accepted(statuses).build();
    }

    @PUT
    @Path("pause")
    public Response pause(@PathParam("connector") String connector) {
        backend.await(backend.herder().pauseConnector(connector));
        return Response.accepted().build();
    }

    @PUT
    @Path("resume")
    public Response resume(@PathParam("connector") String connector) {
        backend.await(backend.herder().resumeConnector(connector));
        return Response.accepted().build();
    }

    @PUT
    @Path("stop")
    public Response stop(@QueryParam("forward") String forward, @PathParam("connector") String connector) {
        backend.await(backend.herder().stopConnector(ClientRequests.context(forward, headers), connector));
        return Response.noContent().build();
    }
}
