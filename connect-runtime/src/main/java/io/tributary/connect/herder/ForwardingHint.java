package io.tributary.connect.herder;

/**
 * The {@code forward} query parameter of the REST request being served on this thread, as Kafka Connect's
 * workers send it: absent from a client, {@code true} on the first hop to the leader, {@code false} on a
 * second hop. It bounds forwarding to two hops when workers disagree about who leads.
 */
public final class ForwardingHint {

    private static final ThreadLocal<Boolean> CURRENT = new ThreadLocal<>();

    private ForwardingHint() {
    }

    /** Called by the REST layer before a request reaches the herder; null when the parameter is absent. */
    public static void set(Boolean forward) {
        CURRENT.set(forward);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Null when the request came from a client, otherwise the parameter's value. */
    public static Boolean current() {
        return CURRENT.get();
    }
}
