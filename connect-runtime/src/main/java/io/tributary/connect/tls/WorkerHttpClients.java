package io.tributary.connect.tls;

import org.apache.kafka.common.config.AbstractConfig;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

/**
 * The HTTP clients a worker calls other workers with (requests forwarded to the leader, task configs sent to
 * it): plain for http:// URLs, and for https:// URLs one that uses the TLS settings Kafka Connect's REST client
 * uses ({@link TlsSettings#forRestClient}). Each is built on first use: a worker that leads its group never
 * calls another, and a client costs a TLS context and a selector thread.
 */
public final class WorkerHttpClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final AbstractConfig workerConfig;
    private HttpClient plain;
    private HttpClient secure;

    public WorkerHttpClients(AbstractConfig workerConfig) {
        this.workerConfig = workerConfig;
    }

    /**
     * The client for this URL. Throws a {@link org.apache.kafka.common.config.ConfigException} naming the key
     * when the TLS settings cannot be used; the next call tries again.
     */
    public synchronized HttpClient forUri(URI uri) {
        if ("https".equals(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))) {
            if (secure == null) {
                secure = tls(TlsSettings.forRestClient(workerConfig));
            }
            return secure;
        }
        if (plain == null) {
            plain = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        }
        return plain;
    }

    static HttpClient tls(TlsSettings settings) {
        SSLContext context = TlsContexts.client(settings);
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(settings.enabledProtocols().toArray(String[]::new));
        if (!settings.cipherSuites().isEmpty()) {
            parameters.setCipherSuites(settings.cipherSuites().toArray(String[]::new));
        }
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).sslContext(context)
                .sslParameters(parameters).build();
    }
}
