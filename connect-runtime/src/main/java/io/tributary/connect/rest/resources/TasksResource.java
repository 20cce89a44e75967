package io.tributary.connect.rest.resources;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.herder.BadRequestException;
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
import java.util.Map;

/** A connector's tasks: their configs, each task's status and restarting one. */
@Path("/connectors/{connector}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> TASK_CONFIGS = new TypeReference<>() { };

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

    /**
     * Kafka Connect's internal endpoint: the worker running a connector sends the task configs it generated
     * to the leader, which writes them. The body is read as bytes, whatever its content type (as Kafka Connect
     * does), because the signature covers exactly those bytes.
     */
    @POST
    public Response putTaskConfigs(@QueryParam("forward") String forward, @PathParam("connector") String connector,
                                   @Context HttpHeaders headers, byte[] body) throws IOException {
        List<Map<String, String>> taskConfigs = body == null || body.length == 0 ? null
                : JSON.readValue(body, TASK_CONFIGS);
        if (taskConfigs == null) {
            throw new BadRequestException("Request body is missing: expected a JSON array of task configurations");
        }
        InternalRequests.verify(backend, headers, body);
        backend.await(backend.herder().putTaskConfigs(ClientRequests.context(forward, headers),
                connector, taskConfigs));
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
