package io.tributary.connect.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import io.tributary.connect.rest.errors.ConnectExceptionMapper;
import io.tributary.connect.logging.LoggerLevels;
import io.tributary.connect.rest.resources.ConnectorPluginsResource;
import io.tributary.connect.rest.resources.ConnectorOffsetsResource;
import io.tributary.connect.rest.resources.ConnectorResource;
import io.tributary.connect.rest.resources.ConnectorTopicsResource;
import io.tributary.connect.rest.resources.ConnectorsResource;
import io.tributary.connect.rest.resources.LoggersResource;
import io.tributary.connect.rest.resources.MetricsResource;
import io.tributary.connect.rest.resources.RootResource;
import io.tributary.connect.rest.resources.InternalTaskConfigsResource;
import io.tributary.connect.rest.resources.TasksResource;
import io.tributary.connect.rest.resources.ZombieFencingResource;
import io.tributary.connect.rest.resources.RestBackend;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey applications: the public API and, when served on its own listeners, the admin API. */
final class RestApplication {

    /** Request and answer bodies; unknown fields in a request are refused (with a 400 naming them). */
    static final ObjectMapper JSON = new ObjectMapper();

    private RestApplication() {
    }

    static ResourceConfig main(RestBackend backend, LoggerLevels loggerLevels, boolean withAdmin,
                               boolean withPrometheusMetrics, long maxRequestBytes) {
        ResourceConfig config = base(backend, loggerLevels, maxRequestBytes)
                .register(RootResource.class)
                .register(ConnectorsResource.class)
                .register(ConnectorResource.class)
                .register(ConnectorOffsetsResource.class)
                .register(ConnectorTopicsResource.class)
                .register(TasksResource.class)
                .register(ZombieFencingResource.class)
                .register(ConnectorPluginsResource.class);
        if (withAdmin) {
            config.register(LoggersResource.class);
        }
        if (withPrometheusMetrics) {
            config.register(MetricsResource.class);
        }
        return config;
    }

    /** Only the endpoints other workers call: task configs handed to the leader, and zombie fencing. */
    static ResourceConfig internal(RestBackend backend, long maxRequestBytes) {
        return base(backend, null, maxRequestBytes)
                .register(InternalTaskConfigsResource.class)
                .register(ZombieFencingResource.class);
    }

    static ResourceConfig admin(LoggerLevels loggerLevels, long maxRequestBytes) {
        return base(null, loggerLevels, maxRequestBytes).register(LoggersResource.class);
    }

    /** Resources are classes with injected collaborators; registering instances makes Jersey log spurious warnings. */
    private static ResourceConfig base(RestBackend backend, LoggerLevels loggerLevels, long maxRequestBytes) {
        ResourceConfig config = new ResourceConfig();
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                if (backend != null) {
                    bind(backend).to(RestBackend.class);
                }
                if (loggerLevels != null) {
                    bind(loggerLevels).to(LoggerLevels.class);
                }
            }
        });
        config.register(new JacksonJsonProvider(JSON));
        config.register(new ConnectExceptionMapper(maxRequestBytes));
        // Only what we register: no WADL, no providers picked up from whatever jars are on the class path.
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        // Error answers always carry our JSON body, so the servlet container must not replace them.
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        return config;
    }
}
