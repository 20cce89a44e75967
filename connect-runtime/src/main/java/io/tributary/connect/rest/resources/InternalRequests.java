package io.tributary.connect.rest.resources;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.herder.BadRequestException;
import io.tributary.connect.herder.InternalRequestSignature;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The REST side of requests only workers may make (POST /connectors/{name}/tasks and PUT
 * /connectors/{name}/fence): reads the signature headers over the body's exact bytes and has the herder check
 * them before the request does anything.
 */
final class InternalRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> TASK_CONFIGS = new TypeReference<>() { };

    private InternalRequests() {
    }

    /**
     * Kafka Connect's POST /connectors/{name}/tasks: the task configs a connector generated, for the leader to write.
     * The body is read as bytes, whatever its content type (as Kafka Connect does), because the signature covers
     * exactly those bytes.
     */
    static void putTaskConfigs(RestBackend backend, String forward, String connector, HttpHeaders headers,
                               byte[] body) throws IOException {
        List<Map<String, String>> taskConfigs = body == null || body.length == 0 ? null
                : JSON.readValue(body, TASK_CONFIGS);
        if (taskConfigs == null) {
            throw new BadRequestException("Request body is missing: expected a JSON array of task configurations");
        }
        verify(backend, headers, body);
        backend.await(backend.herder().putTaskConfigs(ClientRequests.context(forward, headers), connector,
                taskConfigs));
    }

    /** Returns when the herder accepts the signature; otherwise throws the exception that answers the request. */
    static void verify(RestBackend backend, HttpHeaders headers, byte[] body) {
        InternalRequestSignature signature = InternalRequestSignature.fromHeaders(
                headers.getHeaderString(InternalRequestSignature.ALGORITHM_HEADER),
                headers.getHeaderString(InternalRequestSignature.SIGNATURE_HEADER), body);
        backend.herder().verifyInternalRequest(signature);
    }
}
