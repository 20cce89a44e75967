package io.tributary.connect.rest.resources;

import io.tributary.connect.herder.InternalRequestSignature;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The REST side of requests only workers may make (POST /connectors/{name}/tasks and PUT
 * /connectors/{name}/fence): reads the signature headers over the body's exact bytes and has the herder check
 * them before the request does anything.
 */
final class InternalRequests {

    private InternalRequests() {
    }

    /** Returns when the herder accepts the signature; otherwise throws the exception that answers the request. */
    static void verify(RestBackend backend, HttpHeaders headers, byte[] body) {
        InternalRequestSignature signature = InternalRequestSignature.fromHeaders(
                headers.getHeaderString(InternalRequestSignature.ALGORITHM_HEADER),
                headers.getHeaderString(InternalRequestSignature.SIGNATURE_HEADER), body);
        backend.herder().verifyInternalRequest(signature);
    }
}
