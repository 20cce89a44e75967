package io.tributary.connect.rest;

import io.tributary.connect.config.ResponseHeaderRule;
import io.tributary.connect.config.WorkerConfig;
import io.tributary.connect.tls.TlsSettings;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.Locale;

import static io.tributary.connect.config.RestServerConfigs.ACCESS_CONTROL_ALLOW_METHODS_CONFIG;
import static io.tributary.connect.config.RestServerConfigs.ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG;
import static io.tributary.connect.config.RestServerConfigs.ADMIN_LISTENERS_CONFIG;
import static io.tributary.connect.config.RestServerConfigs.LISTENERS_CONFIG;
import static io.tributary.connect.config.RestServerConfigs.PROMETHEUS_METRICS_ENABLE_CONFIG;
import static io.tributary.connect.config.RestServerConfigs.RESPONSE_HTTP_HEADERS_CONFIG;
import static io.tributary.connect.config.RestServerConfigs.REST_ADVERTISED_HOST_NAME_CONFIG;
import static io.tributary.connect.config.RestServerConfigs.REST_ADVERTISED_LISTENER_CONFIG;
import static io.tributary.connect.config.RestServerConfigs.REST_ADVERTISED_PORT_CONFIG;
import static io.tributary.connect.config.RestServerConfigs.REST_EXTENSION_CLASSES_CONFIG;

/**
 * The worker settings the REST server uses, read once from the worker config.
 *
 * @param adminListeners  null serves /admin on the main listeners; empty disables it
 * @param advertisedScheme rest.advertised.listener in lower case, or null to choose as Kafka Connect does
 * @param listenersTls    what https:// main listeners serve with; null without any (like Kafka Connect, the TLS
 *                        keys are then not even read)
 * @param adminListenersTls what https:// admin listeners serve with; null without any
 * @param maxRequestBytes request bodies above this get 413: connector configs are kilobytes, so 10 MiB
 *                        is generous while keeping a runaway client from filling the heap
 * @param prometheusMetrics whether GET /metrics is served
 */
public record RestServerSettings(List<ListenerUrl> listeners, List<ListenerUrl> adminListeners,
                                 String advertisedHost, Integer advertisedPort, String advertisedScheme,
                                 String allowedOrigins, String allowedMethods,
                                 List<ResponseHeaderRule> responseHeaders, List<String> restExtensions,
                                 long maxRequestBytes, boolean prometheusMetrics,
                                 TlsSettings listenersTls, TlsSettings adminListenersTls) {

    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;

    public static RestServerSettings from(WorkerConfig config) {
        List<String> admin = config.getList(ADMIN_LISTENERS_CONFIG);
        List<ListenerUrl> listeners = parse(LISTENERS_CONFIG, config.getList(LISTENERS_CONFIG));
        List<ListenerUrl> adminListeners = admin == null ? null : parse(ADMIN_LISTENERS_CONFIG, admin);
        return new RestServerSettings(
                listeners,
                adminListeners,
                config.getString(REST_ADVERTISED_HOST_NAME_CONFIG),
                config.getInt(REST_ADVERTISED_PORT_CONFIG),
                advertisedScheme(config.getString(REST_ADVERTISED_LISTENER_CONFIG)),
                config.getString(ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG),
                config.getString(ACCESS_CONTROL_ALLOW_METHODS_CONFIG),
                ResponseHeaderRule.parseAll(config.getString(RESPONSE_HTTP_HEADERS_CONFIG)),
                config.getList(REST_EXTENSION_CLASSES_CONFIG),
                DEFAULT_MAX_REQUEST_BYTES,
                config.getBoolean(PROMETHEUS_METRICS_ENABLE_CONFIG),
                anySecure(listeners) ? TlsSettings.forListeners(config) : null,
                anySecure(adminListeners) ? TlsSettings.forAdminListeners(config) : null);
    }

    public RestServerSettings withMaxRequestBytes(long limit) {
        return new RestServerSettings(listeners, adminListeners, advertisedHost, advertisedPort, advertisedScheme,
                allowedOrigins, allowedMethods, responseHeaders, restExtensions, limit, prometheusMetrics, listenersTls,
                adminListenersTls);
    }

    public boolean corsEnabled() {
        return allowedOrigins != null && !allowedOrigins.isBlank();
    }

    /** Admin endpoints get their own listeners only when admin.listeners lists some. */
    public boolean separateAdminListeners() {
        return adminListeners != null && !adminListeners.isEmpty();
    }

    public boolean adminEnabled() {
        return adminListeners == null || !adminListeners.isEmpty();
    }

    /**
     * The scheme advertised to other workers: rest.advertised.listener when set; otherwise http when any main
     * listener is http, else https (Kafka Connect prefers http when both are configured).
     */
    public String schemeToAdvertise() {
        if (advertisedScheme != null) {
            return advertisedScheme;
        }
        boolean anyHttp = listeners.stream().anyMatch(url -> !url.secure());
        return anyHttp ? ListenerUrl.HTTP : ListenerUrl.HTTPS;
    }

    /** Kafka Connect would advertise any other word as a URL scheme, which no worker could call. */
    private static String advertisedScheme(String listener) {
        if (listener == null) {
            return null;
        }
        String scheme = listener.trim().toLowerCase(Locale.ROOT);
        if (!scheme.equals(ListenerUrl.HTTP) && !scheme.equals(ListenerUrl.HTTPS)) {
            throw new ConfigException(REST_ADVERTISED_LISTENER_CONFIG, listener, "must be http or https");
        }
        return scheme;
    }

    private static boolean anySecure(List<ListenerUrl> urls) {
        return urls != null && urls.stream().anyMatch(ListenerUrl::secure);
    }

    private static List<ListenerUrl> parse(String key, List<String> urls) {
        return urls.stream().map(url -> ListenerUrl.parse(key, url)).toList();
    }
}
