package io.tributary.connect.rest.resources;

import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TaskInfo;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.connect.errors.NotFoundException;

import java.io.IOException;
import java.util.List;

/** A connector's tasks: their configs, each task's status and restarting one. */
@Path("/connectors/{connector}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

    private final RestBackend backend;

    /** The request's headers: its Authorization header goes along when the request is forwarded. */
    @Context
    private HttpHeaders headers;

    @Inject
    public TasksResource(RestBackend backend) {
        this.backend = backend;
    }

    @GET
    public List<TaskInfo> tasks(@PathParam("connector") String connector) {
        return backend.await(backend.herder().taskConfigs(connector));
    }

    /** Kafka Connect's internal endpoint: the worker running a connector hands the leader its task configs. */
    @POST
    public Response putTaskConfigs(@QueryParam("forward") String forward, @PathParam("connector") String connector,
                                   @Context HttpHeaders headers, byte[] body) throws IOException {
        InternalRequests.putTaskConfigs(backend, forward, connector, headers, body);
        return Response.noContent().build();
    }

    @GET
    @Path("{task}/status")
    public ConnectorStateInfo.TaskState status(@PathParam("connector") String connector,
                                               @PathParam("task") int task) {
        ConnectorTaskId id = new ConnectorTaskId(connector, task);
        ConnectorStateInfo.TaskState status = backend.herder().taskStatus(id);
        if (status == null) {
            throw new NotFoundException("No status found for task " + id);
        }
        return status;
    }

    @POST
    @Path("{task}/restart")
    public Response restart(@QueryParam("forward") String forward,
                            @PathParam("connector") String connector, @PathParam("task") int task) {
        backend.await(backend.herder().restartTask(ClientRequests.context(forward, headers),
                new ConnectorTaskId(connector, task)));
        return Response.noContent().build();
    }
}
