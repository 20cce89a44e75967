package io.tributary.connect.rest.resources;

import ch.qos.logback.classic.Level;
import io.tributary.connect.model.LoggerLevel;
import io.tributary.connect.rest.errors.RestException;
import io.tributary.connect.logging.LoggerLevels;
import io.tributary.connect.herder.BadRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** /admin/loggers: read and change log levels of the running worker. */
@Path("/admin/loggers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoggersResource {

    private static final Logger log = LoggerFactory.getLogger(LoggersResource.class);

    private final LoggerLevels levels;

    @Inject
    public LoggersResource(LoggerLevels levels) {
        this.levels = levels;
    }

    @GET
    public Map<String, LoggerLevel> all() {
        return levels.all();
    }

    @GET
    @Path("{logger}")
    public LoggerLevel get(@PathParam("logger") String logger) {
        return levels.get(logger)
                .orElseThrow(() -> RestException.notFound("Logger " + logger + " not found."));
    }

    /**
     * Worker scope answers the loggers whose level changed. Cluster scope answers 204 as Kafka Connect does:
     * a distributed worker publishes the level through the config topic, a standalone one applies it here.
     */
    @PUT
    @Path("{logger}")
    public Response set(@PathParam("logger") String logger, Map<String, String> body,
                        @QueryParam("scope") @DefaultValue("worker") String scope) {
        String requested = body == null ? null : body.get("level");
        if (requested == null) {
            throw new BadRequestException("Desired 'level' parameter was not specified in request.");
        }
        // Kafka Connect answers an unknown level with 404; clients may depend on it, so we keep it.
        Level level = LoggerLevels.parseLevel(requested)
                .orElseThrow(() -> RestException.notFound("invalid log level '" + requested + "'."));
        if ("cluster".equalsIgnoreCase(scope)) {
            levels.setForCluster(logger, requested, level);
            log.info("Log level of {} set to {} for the cluster through the REST API", logger, level);
            return Response.noContent().build();
        }
        if (!"worker".equalsIgnoreCase(scope)) {
            log.warn("Unknown logging scope '{}' in a request to /admin/loggers; applied to this worker only", scope);
        }
        List<String> changed = levels.set(logger, level);
        log.info("Log level of {} set to {} through the REST API ({} logger(s) changed)", logger, level, changed.size());
        return Response.ok(changed).build();
    }
}
