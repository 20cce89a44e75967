package io.tributary.connect.herder;

/**
 * Who is asking, passed with every herder request that may have to go to another worker. Today that is where
 * the request came from: a client, or another worker forwarding it (Kafka Connect's {@code forward} query
 * parameter: {@code true} on the first hop, {@code false} on the second). It bounds forwarding to two hops
 * when workers disagree about who leads.
 */
public record RequestContext(Origin origin) {

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

    /** The context of a REST request from its {@code forward} query parameter (null when absent). */
    public static RequestContext fromForwardParameter(String forward) {
        if (forward == null) {
            return CLIENT;
        }
        return new RequestContext(Boolean.parseBoolean(forward) ? Origin.FORWARDED_ONCE : Origin.FORWARDED_TWICE);
    }

    /** Whether this worker may pass the request on to another one. */
    public boolean mayForward() {
        return origin != Origin.FORWARDED_TWICE;
    }

    /** The {@code forward} parameter to send with the request when passing it on: may the receiver forward it? */
    public boolean receiverMayForward() {
        return origin == Origin.CLIENT;
    }
}
