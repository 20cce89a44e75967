package io.tributary.connect.rest.resources;

import io.tributary.connect.herder.RequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/** The herder's view of the REST request being served, for requests the herder may pass on to another worker. */
final class ClientRequests {

    private ClientRequests() {
    }

    /**
     * Where the request came from (its {@code forward} query parameter, null when absent) and the client's
     * {@code Authorization} header, which goes along when the request is forwarded.
     */
    static RequestContext context(String forward, HttpHeaders headers) {
        return RequestContext.fromRequest(forward, headers == null ? null : headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    }
}
