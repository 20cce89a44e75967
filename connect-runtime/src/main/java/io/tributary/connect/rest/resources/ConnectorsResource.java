package io.tributary.connect.rest.resources;

import io.tributary.connect.herder.Created;
import io.tributary.connect.herder.Herder;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.rest.entities.CreateConnectorRequest;
import io.tributary.connect.herder.BadRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apache.kafka.connect.errors.NotFoundException;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The connector collection: GET /connectors (optionally expanded) and POST /connectors. */
@Path("/connectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectorsResource {

    private final RestBackend backend;

    /** The request's headers: its Authorization header goes along when the request is forwarded. */
    @Context
    private HttpHeaders headers;

    @Inject
    public ConnectorsResource(RestBackend backend) {
        this.backend = backend;
    }

    /**
     * Names in the herder's order; with {@code expand=info} and/or {@code expand=status} a map of name to
     * the requested details. Unknown expand values give empty objects, as Kafka Connect does.
     */
    @GET
    public Object list(@QueryParam("expand") List<String> expand) {
        Herder herder = backend.herder();
        Collection<String> names = backend.await(herder.connectors());
        if (expand == null || expand.isEmpty()) {
            return names;
        }
        Map<String, Map<String, Object>> expanded = new LinkedHashMap<>();
        for (String name : names) {
            try {
                Map<String, Object> details = new LinkedHashMap<>();
                if (expand.contains("info")) {
                    details.put("info", backend.await(herder.connectorInfo(name)));
                }
                if (expand.contains("status")) {
                    details.put("status", herder.connectorStatus(name));
                }
                expanded.put(name, details);
            } catch (NotFoundException deletedMeanwhile) {
                // Listing and expanding are separate reads; a connector deleted in between is left out.
            }
        }
        return expanded;
    }

    @POST
    public Response create(@QueryParam("forward") String forward, CreateConnectorRequest request,
                           @Context UriInfo uri) {
        if (request == null) {
            throw new BadRequestException("Request body is missing: expected {\"name\": ..., \"config\": {...}}");
        }
        // Surrounding blanks are dropped, as Kafka Connect does, so " a " creates connector "a".
        String name = request.name() == null ? "" : request.name().trim();
        ConnectorNames.validate(name);
        Map<String, String> config = ConnectorConfigs.withName(name,
                ConnectorConfigs.requireComplete(request.config(), "\"config\" object"));
        Created<ConnectorInfo> created = backend.await(backend.herder()
                .putConnectorConfig(ClientRequests.context(forward, headers), name, config,
                        ConnectorConfigs.initialState(request.initialState()), false));
        return Response.created(location(uri, name)).entity(created.result()).build();
    }

    static URI location(UriInfo uri, String connector) {
        return uri.getBaseUriBuilder().path("connectors").segment(connector).build();
    }
}
