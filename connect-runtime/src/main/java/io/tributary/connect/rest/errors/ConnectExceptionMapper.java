package io.tributary.connect.rest.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tributary.connect.herder.BadRequestException;
import io.tributary.connect.herder.ConflictException;
import io.tributary.connect.herder.ForbiddenException;
import io.tributary.connect.herder.LeaderAnswerException;
import io.tributary.connect.herder.ServiceUnavailableException;
import io.tributary.connect.model.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place every failure of a REST request becomes an answer: {@code {"error_code", "message"}}
 * with the status the failure calls for. Stack traces go to the log, never into the answer.
 */
public class ConnectExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(ConnectExceptionMapper.class);

    private final long maxRequestBytes;

    /** @param maxRequestBytes the body size limit, named in 413 answers */
    public ConnectExceptionMapper(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public Response toResponse(Throwable failure) {
        int status = statusOf(failure);
        String message = messageOf(failure, status);
        if (status == 503) {
            // Expected while the worker starts (clients poll until it is ready): no trace, no alarm.
            log.debug("REST request answered 503: {}", message);
        } else if (status >= 500) {
            log.error("REST request failed with {}: {}", status, message, failure);
        } else {
            log.debug("REST request answered {}: {}", status, message);
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, message))
                .build();
    }

    private static int statusOf(Throwable failure) {
        if (failure instanceof RestException rest) {
            return rest.status();
        }
        if (failure instanceof LeaderAnswerException leader) {
            return leader.status();
        }
        if (failure instanceof WebApplicationException web) {
            return web.getResponse().getStatus();
        }
        if (failure instanceof NotFoundException) {
            return 404;
        }
        if (failure instanceof AlreadyExistsException || failure instanceof ConflictException) {
            return 409;
        }
        if (failure instanceof ForbiddenException) {
            return 403;
        }
        if (failure instanceof ServiceUnavailableException) {
            return 503;
        }
        if (failure instanceof BadRequestException || failure instanceof ConfigException
                || failure instanceof JsonProcessingException) {
            return 400;
        }
        HttpException http = httpCause(failure);
        return http != null ? http.getCode() : 500;
    }

    private String messageOf(Throwable failure, int status) {
        if (failure instanceof JsonProcessingException json) {
            return RequestBodyProblems.describe(json);
        }
        if (status == 413) {
            return "Request body is larger than the limit of " + maxRequestBytes + " bytes";
        }
        if (failure.getMessage() != null) {
            return failure.getMessage();
        }
        return "Unexpected " + failure.getClass().getName() + "; the worker log has the details";
    }

    /** Jetty reports a request body over the size limit as an HttpException, possibly wrapped by Jersey. */
    private static HttpException httpCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
