package io.tributary.connect.rest;

import io.tributary.connect.herder.ForwardingHint;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Hands the {@code forward} query parameter workers add to forwarded requests to the herder, which uses it
 * to forward a request at most twice. Resources run on the filter's thread, so a thread-local carries it.
 */
final class ForwardHintFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String forward = request.getUriInfo().getQueryParameters().getFirst("forward");
        ForwardingHint.set(forward == null ? null : Boolean.valueOf(forward));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        ForwardingHint.clear();
    }
}
