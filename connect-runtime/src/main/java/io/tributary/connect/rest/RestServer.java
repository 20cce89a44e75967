package io.tributary.connect.rest;

import io.tributary.connect.config.RestServerConfigs;
import io.tributary.connect.config.WorkerConfig;
import io.tributary.connect.herder.Herder;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.logging.LoggerLevels;
import io.tributary.connect.metrics.ConnectMetrics;
import io.tributary.connect.rest.extensions.RestExtensions;
import io.tributary.connect.rest.resources.RestBackend;
import io.tributary.connect.rest.resources.PluginCatalog;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The worker's HTTP server. Lifecycle: construct, {@link #start()} (listeners bound; /health answers
 * "starting"), {@link #initializeResources} once the herder exists, {@link #stop()}.
 */
public final class RestServer {

    private static final Logger log = LoggerFactory.getLogger(RestServer.class);
    private static final String MAIN = "main";
    private static final String ADMIN = "admin";
    /** In-flight requests get this long to finish on stop before their connections are closed. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final RestServerSettings settings;
    private final RestBackend backend = new RestBackend();
    private final Server server;
    private final List<Listener> mainListeners = new ArrayList<>();
    private final List<Listener> adminListeners = new ArrayList<>();
    private final LoggerLevels loggerLevels;
    private final Time time;
    private final RestExtensions extensions;
    private RestContexts contexts;
    /** The worker's own registry, where Monitorable REST extensions register their metrics. */
    private volatile Metrics workerMetrics;

    public RestServer(WorkerConfig config, Time time) {
        this(RestServerSettings.from(config), time, RestExtensions.from(config));
    }

    /** @param time dates logger changes and response date headers, and times requests for the request log */
    public RestServer(RestServerSettings settings, Time time) {
        this(settings, time, RestExtensions.withoutWorkerSettings(settings.restExtensions()));
    }

    private RestServer(RestServerSettings settings, Time time, RestExtensions extensions) {
        this.settings = settings;
        this.time = time;
        this.extensions = extensions;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("rest-server");
        this.server = new Server(threads);
        HttpsConnectors mainTls = new HttpsConnectors(settings.listenersTls(), RestServerConfigs.LISTENERS_CONFIG);
        settings.listeners().forEach(url -> mainListeners.add(listener(url, MAIN, mainTls)));
        if (settings.separateAdminListeners()) {
            HttpsConnectors adminTls = new HttpsConnectors(settings.adminListenersTls(),
                    RestServerConfigs.ADMIN_LISTENERS_CONFIG);
            settings.adminListeners().forEach(url -> adminListeners.add(listener(url, ADMIN, adminTls)));
        }
        this.loggerLevels = new LoggerLevels(time);
        server.setHandler(new GracefulHandler(withCors(withHeaders(
                new SizeLimitHandler(settings.maxRequestBytes(), -1), contexts(loggerLevels)))));
        server.setErrorHandler(new JsonErrorHandler(RestApplication.JSON, settings.maxRequestBytes()));
        server.setRequestLog(new CompactRequestLog(time));
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
    }

    /** Binds every listener and starts serving; requests other than /health answer 503 until resources are initialized. */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            throw new ConnectException("Unable to start the REST server on " + settings.listeners() + ": " + e.getMessage(), e);
        }
        log.info("REST server listening on {}, advertised as {}", listening(), advertisedUrl());
    }

    /**
     * From now on requests reach the herder; /health reports what {@link Herder#isReady()} says. The REST
     * extensions (rest.extension.classes) are loaded from the plugins and register their components first, so
     * that no request reaches the herder without passing them.
     */
    public void initializeResources(Herder herder, Plugins plugins) {
        if (!extensions.isEmpty()) {
            ResourceConfig application = mainApplication();
            contexts.replaceMain(application, extensions.register(plugins, herder, workerMetrics, application));
        }
        serveFrom(herder, plugins::descriptors);
    }

    /** As above, for a server without REST extensions (they need the worker's plugins to load from). */
    public void initializeResources(Herder herder, PluginCatalog plugins) {
        if (!extensions.isEmpty()) {
            throw new ConnectException("rest.extension.classes " + settings.restExtensions()
                    + " needs the worker's plugins to load the extensions from");
        }
        serveFrom(herder, plugins);
    }

    private void serveFrom(Herder herder, PluginCatalog plugins) {
        backend.initialize(herder, plugins);
        // Only from now on: like Kafka Connect, levels written to the cluster before startup are not applied.
        herder.applyClusterLoggerLevelsWith(loggerLevels);
        loggerLevels.publishClusterLevelsThrough(herder::publishLoggerLevel);
        log.info("REST resources initialized; the worker answers requests at {}", advertisedUrl());
    }

    /**
     * From now on GET /metrics (when enabled) renders these registries; until then it answers 503. Called as
     * soon as the worker's metrics exist, before the herder starts, so a slow start can be watched.
     */
    public void exposeMetrics(ConnectMetrics metrics) {
        exposeMetrics(List.of(metrics.registry()));
    }

    public void exposeMetrics(List<Metrics> registries) {
        if (!registries.isEmpty()) {
            workerMetrics = registries.get(0);
        }
        backend.exposeMetrics(registries);
    }

    /** How long a request waits for the herder before answering 500 (90 s by default). */
    public void requestTimeout(Duration timeout) {
        backend.requestTimeout(timeout);
    }

    /** How long GET /health waits for the herder before answering "unhealthy" (10 s by default). */
    public void healthCheckTimeout(Duration timeout) {
        backend.healthCheckTimeout(timeout);
    }

    /** The URL of the first main listener, with the port actually bound. */
    public URI serverUrl() {
        return mainListeners.get(0).boundUrl();
    }

    /** The URLs of every main listener, with the ports actually bound. */
    public List<URI> listenerUrls() {
        return mainListeners.stream().map(Listener::boundUrl).toList();
    }

    /** Null when admin.listeners is empty (admin endpoints disabled). */
    public URI adminUrl() {
        if (!settings.adminEnabled()) {
            return null;
        }
        return adminListeners.isEmpty() ? serverUrl() : adminListeners.get(0).boundUrl();
    }

    /**
     * The URL other workers and clients should use, chosen as Kafka Connect chooses it: the scheme of
     * rest.advertised.listener (else http if any main listener is http, else https), the host and port of the first
     * main listener of that scheme unless rest.advertised.host.name / rest.advertised.port say otherwise, and the
     * first main listener's when no listener has that scheme.
     */
    public URI advertisedUrl() {
        String scheme = settings.schemeToAdvertise();
        Listener chosen = mainListeners.stream().filter(l -> l.url().scheme().equals(scheme)).findFirst()
                .orElse(mainListeners.get(0));
        String host = settings.advertisedHost() != null && !settings.advertisedHost().isEmpty()
                ? settings.advertisedHost() : hostOf(chosen.connector());
        int port = settings.advertisedPort() != null ? settings.advertisedPort() : chosen.connector().getLocalPort();
        return URI.create(scheme + "://" + hostForUri(host) + ":" + port + "/");
    }

    /** This worker's id in statuses: the advertised host:port, e.g. "localhost:8083". */
    public String workerId() {
        URI advertised = advertisedUrl();
        return advertised.getHost() + ":" + advertised.getPort();
    }

    /** Stops accepting requests, lets in-flight ones finish (bounded) and releases the ports. */
    public void stop() {
        log.info("Stopping the REST server");
        try {
            server.stop();
        } catch (Exception e) {
            throw new ConnectException("Unable to stop the REST server cleanly: " + e.getMessage(), e);
        } finally {
            contexts.stopReplaced();
            server.destroy();
            extensions.close();
        }
        log.info("REST server stopped");
    }

    /** Connectors of one group share a name: contexts are tied to the group through it (see {@link #contexts}). */
    private Listener listener(ListenerUrl url, String name, HttpsConnectors tls) {
        ServerConnector connector = url.secure() ? tls.newConnector(server) : new ServerConnector(server);
        connector.setName(name);
        connector.setHost(url.allInterfaces() ? null : url.host());
        connector.setPort(url.port());
        server.addConnector(connector);
        return new Listener(url, connector);
    }

    private Handler contexts(LoggerLevels loggerLevels) {
        ServletContextHandler main = context(mainApplication());
        if (!settings.separateAdminListeners()) {
            contexts = new RestContexts(main, null);
            return contexts.handler();
        }
        // Virtual hosts "@name" tie each context to the connectors of that name.
        main.setVirtualHosts(List.of("@" + MAIN));
        ServletContextHandler admin = context(RestApplication.admin(loggerLevels, settings.maxRequestBytes()));
        admin.setVirtualHosts(List.of("@" + ADMIN));
        contexts = new RestContexts(main, admin);
        return contexts.handler();
    }

    private ResourceConfig mainApplication() {
        boolean adminOnMain = settings.adminEnabled() && !settings.separateAdminListeners();
        return RestApplication.main(backend, loggerLevels, adminOnMain, settings.prometheusMetrics(),
                settings.maxRequestBytes());
    }

    static ServletContextHandler context(ResourceConfig application) {
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.addServlet(new ServletHolder(new ServletContainer(application)), "/*");
        return context;
    }

    private Handler withHeaders(Handler.Wrapper sizeLimit, Handler contexts) {
        sizeLimit.setHandler(contexts);
        if (settings.responseHeaders().isEmpty()) {
            return sizeLimit;
        }
        return new ResponseHeadersHandler(settings.responseHeaders(), time, sizeLimit);
    }

    /** CORS only when access.control.allow.origin is set; Jetty answers preflights and adds "Vary: Origin". */
    private Handler withCors(Handler next) {
        if (!settings.corsEnabled()) {
            return next;
        }
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(splitToSet(settings.allowedOrigins()).stream()
                .map(origin -> origin.equals("*") ? ".*" : origin).collect(Collectors.toSet()));
        if (settings.allowedMethods() != null && !settings.allowedMethods().isBlank()) {
            cors.setAllowedMethods(splitToSet(settings.allowedMethods()));
        }
        cors.setHandler(next);
        return cors;
    }

    private static Set<String> splitToSet(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private String listening() {
        List<URI> urls = new ArrayList<>(listenerUrls());
        adminListeners.forEach(l -> urls.add(l.boundUrl()));
        return urls.toString();
    }

    /** A configured listener and the Jetty connector serving it. */
    private record Listener(ListenerUrl url, ServerConnector connector) {

        URI boundUrl() {
            return URI.create(url.scheme() + "://" + hostForUri(hostOf(connector)) + ":" + connector.getLocalPort() + "/");
        }
    }

    /** A listener on every interface is reached through this machine's address, as Jetty reports it. */
    private static String hostOf(ServerConnector connector) {
        if (connector.getHost() != null && !connector.getHost().isEmpty()) {
            return connector.getHost();
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            log.debug("Failed to stop the REST server after a failed start", e);
        }
    }
}
