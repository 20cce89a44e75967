package io.tributary.connect.herder;

/**
 * Who is asking, passed with every herder request that may have to go to another worker: where the request came
 * from (a client, or another worker forwarding it: Kafka Connect's {@code forward} query parameter, {@code true}
 * on the first hop, {@code false} on the second), which bounds forwarding to two hops when workers disagree about
 * who leads; and the client's {@code Authorization} header, which a forwarded request carries on to the other
 * worker, as Kafka Connect's does, so that a REST extension checking credentials there accepts it too.
 *
 * @param authorization the {@code Authorization} header the client sent, or null
 */
public record RequestContext(Origin origin, String authorization) {

    /** A request made on this worker itself (the command line, a task reporting its configs) or by a client. */
    public static final RequestContext CLIENT = new RequestContext(Origin.CLIENT);

    public enum Origin {
        /** No {@code forward} parameter: it may be forwarded, and the receiver may forward it once more. */
        CLIENT,
        /** {@code forward=true}: forwarded once; this worker may forward it one last time. */
        FORWARDED_ONCE,
        /** {@code forward=false}: forwarded twice; this worker must serve it or refuse it. */
        FORWARDED_TWICE
    }

    public RequestContext {
        if (origin == null) {
            throw new IllegalArgumentException("A request context needs an origin");
        }
    }

    /** A request without credentials. */
    public RequestContext(Origin origin) {
        this(origin, null);
    }

    /** The context of a REST request from its {@code forward} query parameter (null when absent). */
    public static RequestContext fromForwardParameter(String forward) {
        return fromRequest(forward, null);
    }

    /**
     * The context of a REST request from its {@code forward} query parameter and {@code Authorization} header (each
     * null when absent).
     */
    public static RequestContext fromRequest(String forward, String authorization) {
        if (forward == null) {
            return new RequestContext(Origin.CLIENT, authorization);
        }
        return new RequestContext(Boolean.parseBoolean(forward) ? Origin.FORWARDED_ONCE : Origin.FORWARDED_TWICE,
                authorization);
    }

    /** Whether this worker may pass the request on to another one. */
    public boolean mayForward() {
        return origin != Origin.FORWARDED_TWICE;
    }

    /** The {@code forward} parameter to send with the request when passing it on: may the receiver forward it? */
    public boolean receiverMayForward() {
        return origin == Origin.CLIENT;
    }

    /** Credentials stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "RequestContext[origin=" + origin + ", authorization=" + (authorization == null ? "none" : "****") + "]";
    }
}
