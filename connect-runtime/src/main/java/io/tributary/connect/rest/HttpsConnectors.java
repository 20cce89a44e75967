package io.tributary.connect.rest;

import io.tributary.connect.tls.TlsContexts;
import io.tributary.connect.tls.TlsSettings;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SslConfigs;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLContext;
import java.util.List;
import java.util.Set;

/**
 * Makes the Jetty connectors of https:// listeners from the resolved TLS settings of their listener group. The
 * TLS context is built once per group (so a bad keystore fails the worker's start with the key named); Jetty
 * then applies the enabled protocols, cipher suites and client authentication as Kafka Connect's server does,
 * keeping Jetty's own exclusions of weak protocols and suites.
 */
final class HttpsConnectors {

    private final TlsSettings settings;
    private final String listenersKey;
    private SSLContext context;

    /** @param listenersKey the key listing these listeners, for messages */
    HttpsConnectors(TlsSettings settings, String listenersKey) {
        this.settings = settings;
        this.listenersKey = listenersKey;
    }

    ServerConnector newConnector(Server server) {
        return new ServerConnector(server, contextFactory());
    }

    private SslContextFactory.Server contextFactory() {
        if (context == null) {
            context = TlsContexts.server(settings, listenersKey);
            requireOneSupported(SslConfigs.SSL_ENABLED_PROTOCOLS_CONFIG, settings.enabledProtocols(),
                    context.getSupportedSSLParameters().getProtocols());
            requireOneSupported(SslConfigs.SSL_CIPHER_SUITES_CONFIG, settings.cipherSuites(),
                    context.getSupportedSSLParameters().getCipherSuites());
        }
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(context);
        factory.setIncludeProtocols(settings.enabledProtocols().toArray(String[]::new));
        if (!settings.cipherSuites().isEmpty()) {
            factory.setIncludeCipherSuites(settings.cipherSuites().toArray(String[]::new));
        }
        switch (settings.clientAuth()) {
            case "required" -> factory.setNeedClientAuth(true);
            case "requested" -> factory.setWantClientAuth(true);
            default -> {
                factory.setNeedClientAuth(false);
                factory.setWantClientAuth(false);
            }
        }
        return factory;
    }

    /** A list naming nothing this runtime supports would leave every handshake to fail; refuse it at startup. */
    private void requireOneSupported(String key, List<String> configured, String[] supported) {
        if (configured.isEmpty()) {
            return;
        }
        Set<String> available = Set.of(supported);
        if (configured.stream().noneMatch(available::contains)) {
            throw new ConfigException(settings.keyName(key), String.join(",", configured),
                    "this Java runtime supports none of them (names are the JSSE standard names, e.g. "
                            + supported[0] + ")");
        }
    }
}
