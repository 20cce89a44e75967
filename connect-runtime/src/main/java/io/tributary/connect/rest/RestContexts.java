package io.tributary.connect.rest;

import org.apache.kafka.connect.errors.ConnectException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The Jetty contexts behind the listeners: the main API's and, when admin.listeners lists its own, the admin API's.
 * The main context can be replaced once, by one whose application holds the REST extensions' components: Jersey
 * fixes an application's components when it starts, and the server answers (with "starting") before the herder,
 * which the extensions need, exists.
 */
final class RestContexts {

    private static final Logger log = LoggerFactory.getLogger(RestContexts.class);

    private final ContextHandlerCollection handlers;
    private ServletContextHandler main;
    private final List<ServletContextHandler> replaced = new ArrayList<>();

    /** @param admin null when the admin API is served by the main context or not at all */
    RestContexts(ServletContextHandler main, ServletContextHandler admin) {
        this.main = main;
        this.handlers = admin == null ? new ContextHandlerCollection(main) : new ContextHandlerCollection(main, admin);
    }

    Handler handler() {
        return handlers;
    }

    /**
     * Serves the main API from a new context running {@code application} from now on, on the same listeners. The
     * context it replaces stops only with the server, so that requests it is serving finish normally.
     *
     * @param requestLoader the context class loader of the requests it serves; null keeps the thread's
     */
    synchronized void replaceMain(ResourceConfig application, ClassLoader requestLoader) {
        ServletContextHandler next = RestServer.context(application);
        next.setVirtualHosts(main.getVirtualHosts());
        if (requestLoader != null) {
            next.setClassLoader(requestLoader);
        }
        next.setServer(handlers.getServer());
        try {
            next.start();
        } catch (Exception e) {
            throw new ConnectException("Unable to start the REST API with the components of the REST extensions: "
                    + e.getMessage(), e);
        }
        List<Handler> contexts = new ArrayList<>(handlers.getHandlers());
        contexts.set(contexts.indexOf(main), next);
        handlers.unmanage(main);
        handlers.setHandlers(contexts);
        handlers.manage(next);
        replaced.add(main);
        main = next;
    }

    /** Stops the contexts replaced earlier; called once the server stopped. */
    synchronized void stopReplaced() {
        for (ServletContextHandler context : replaced) {
            try {
                context.stop();
            } catch (Exception e) {
                log.debug("Could not stop a replaced REST context", e);
            }
        }
        replaced.clear();
    }
}
