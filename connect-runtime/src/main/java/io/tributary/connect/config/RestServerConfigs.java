package io.tributary.connect.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.internals.BrokerSecurityConfigs;

/** Worker keys that configure the REST server: where it listens, how it is advertised, CORS and headers. */
public final class RestServerConfigs {

    public static final String LISTENERS_CONFIG = "listeners";
    public static final String LISTENERS_DEFAULT = "http://:8083";
    public static final String REST_ADVERTISED_HOST_NAME_CONFIG = "rest.advertised.host.name";
    public static final String REST_ADVERTISED_PORT_CONFIG = "rest.advertised.port";
    public static final String REST_ADVERTISED_LISTENER_CONFIG = "rest.advertised.listener";
    public static final String ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG = "access.control.allow.origin";
    public static final String ACCESS_CONTROL_ALLOW_METHODS_CONFIG = "access.control.allow.methods";
    public static final String RESPONSE_HTTP_HEADERS_CONFIG = "response.http.headers.config";
    public static final String SSL_CLIENT_AUTH_CONFIG = BrokerSecurityConfigs.SSL_CLIENT_AUTH_CONFIG;
    public static final String REST_EXTENSION_CLASSES_CONFIG = "rest.extension.classes";
    public static final String ADMIN_LISTENERS_CONFIG = "admin.listeners";
    /** Prefix for TLS settings that apply only to the admin listeners. */
    public static final String ADMIN_LISTENERS_HTTPS_CONFIGS_PREFIX = "admin.listeners.https.";
    /** Prefix for TLS settings that apply only to the main listeners. */
    public static final String LISTENERS_HTTPS_CONFIGS_PREFIX = "listeners.https.";
    /** Ours, not Kafka Connect's (hence the prefix): whether GET /metrics answers in the Prometheus format. */
    public static final String PROMETHEUS_METRICS_ENABLE_CONFIG = "tributary.metrics.prometheus.enable";

    private RestServerConfigs() {
    }

    /** Adds the REST keys to a worker definition, after the client and topic tracking keys. */
    public static void addPublicConfig(ConfigDef def) {
        def.define(LISTENERS_CONFIG, Type.LIST, LISTENERS_DEFAULT, ListenersValidator.requiringOne(),
                Importance.LOW, "URLs (scheme://host:port, comma separated) the REST server listens on; "
                    + "an empty host binds all interfaces.")
            .define(REST_ADVERTISED_HOST_NAME_CONFIG, Type.STRING, null, Importance.LOW,
                "Host name other workers use to reach this one, when it differs from the listener's.")
            .define(REST_ADVERTISED_PORT_CONFIG, Type.INT, null, Importance.LOW,
                "Port other workers use to reach this one, when it differs from the listener's.")
            .define(REST_ADVERTISED_LISTENER_CONFIG, Type.STRING, null, Importance.LOW,
                "Scheme (http or https) of the listener advertised to other workers.")
            .define(ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG, Type.STRING, "", Importance.LOW,
                "Origins allowed to call the REST API from a browser (CORS); '*' for any, empty to disable CORS.")
            .define(ACCESS_CONTROL_ALLOW_METHODS_CONFIG, Type.STRING, "", Importance.LOW,
                "HTTP methods allowed for cross-origin calls, comma separated; GET, POST and HEAD when empty.")
            .define(RESPONSE_HTTP_HEADERS_CONFIG, Type.STRING, "", new ResponseHttpHeadersValidator(), Importance.LOW,
                "Rules adding or replacing headers of every REST response, e.g. 'set X-Frame-Options:DENY'.")
            .define(SSL_CLIENT_AUTH_CONFIG, Type.STRING, "none",
                ConfigDef.ValidString.in("required", "requested", "none"), Importance.LOW,
                "Whether HTTPS listeners ask REST clients for a certificate: required, requested or none.")
            .define(REST_EXTENSION_CLASSES_CONFIG, Type.LIST, "", Importance.LOW,
                "ConnectRestExtension classes to load into the REST server, in order.")
            .define(ADMIN_LISTENERS_CONFIG, Type.LIST, null, ListenersValidator.optional(), Importance.LOW,
                "URLs for the admin endpoints (e.g. /admin/loggers); unset serves them on the main listeners, "
                    + "empty disables them.")
            .define(PROMETHEUS_METRICS_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                "Whether GET /metrics on the REST listeners answers the worker's metrics in the Prometheus text "
                    + "format, named as the Prometheus JMX exporter names them; when false it answers 404.");
    }
}
