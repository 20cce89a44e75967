package io.tributary.connect.rest;

import io.tributary.connect.config.RestServerConfigs;
import io.tributary.connect.herder.Herder;
import io.tributary.connect.rest.resources.RestBackend;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REST server only the workers of one process's groups talk to: for each herder, under a path of its own, the
 * endpoints a worker calls on its group's leader (POST .../connectors/{name}/tasks, PUT .../connectors/{name}/fence).
 * MirrorMaker 2's dedicated mode runs one herder per replication flow behind one such server (KIP-710). Requests
 * for a herder not yet {@link #serve served} answer 503.
 */
public final class InternalRestServer {

    private static final Logger log = LoggerFactory.getLogger(InternalRestServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final ListenerUrl listener;
    private final String advertisedHost;
    private final Integer advertisedPort;
    private final Map<String, RestBackend> backends = new LinkedHashMap<>();

    /**
     * @param listener       where to listen, from {@code listeners} (http only)
     * @param advertisedHost rest.advertised.host.name, or null for the listener's host (this machine's if empty)
     * @param advertisedPort rest.advertised.port, or null for the bound port
     * @param paths          one path per herder, such as {@code /A/B}, its segments URL-encoded
     */
    public InternalRestServer(ListenerUrl listener, String advertisedHost, Integer advertisedPort, List<String> paths) {
        if (listener.secure()) {
            throw new ConfigException(RestServerConfigs.LISTENERS_CONFIG, listener.scheme() + "://" + listener.host()
                    + ":" + listener.port(), "the internal REST server of MirrorMaker 2's dedicated mode listens on "
                    + "http only");
        }
        this.listener = listener;
        this.advertisedHost = advertisedHost;
        this.advertisedPort = advertisedPort;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("internal-rest-server");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(listener.allInterfaces() ? null : listener.host());
        connector.setPort(listener.port());
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (String path : paths) {
            RestBackend backend = new RestBackend();
            backends.put(path, backend);
            ServletContextHandler context = new ServletContextHandler(path, ServletContextHandler.NO_SESSIONS);
            context.addServlet(new ServletHolder(new ServletContainer(RestApplication.internal(backend,
                    RestServerSettings.DEFAULT_MAX_REQUEST_BYTES))), "/*");
            contexts.addHandler(context);
        }
        SizeLimitHandler sizeLimit = new SizeLimitHandler(RestServerSettings.DEFAULT_MAX_REQUEST_BYTES, -1);
        sizeLimit.setHandler(contexts);
        server.setHandler(sizeLimit);
        server.setErrorHandler(new JsonErrorHandler(RestApplication.JSON, RestServerSettings.DEFAULT_MAX_REQUEST_BYTES));
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw new ConnectException("Unable to start the internal REST server on " + listener.scheme() + "://"
                    + listener.host() + ":" + listener.port() + ": " + e.getMessage(), e);
        }
        log.info("Internal REST server listening on port {}, advertised as {}", connector.getLocalPort(),
                advertisedUrl());
    }

    /** The URL the other nodes reach this server at, without a trailing slash. */
    public URI advertisedUrl() {
        String host = advertisedHost != null && !advertisedHost.isBlank() ? advertisedHost
                : listener.allInterfaces() ? localAddress() : listener.host();
        int port = advertisedPort != null ? advertisedPort : connector.getLocalPort();
        return URI.create(listener.scheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** From now on requests under {@code path} reach {@code herder}. */
    public void serve(String path, Herder herder) {
        RestBackend backend = backends.get(path);
        if (backend == null) {
            throw new IllegalArgumentException("The internal REST server has no path " + path);
        }
        backend.initialize(herder, null);
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new ConnectException("Unable to stop the internal REST server cleanly: " + e.getMessage(), e);
        } finally {
            server.destroy();
        }
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
