package io.tributary.connect.tls;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.ssl.DefaultSslEngineFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Builds the TLS contexts of the REST layer from resolved {@link TlsSettings}, with kafka-clients' own SSL engine
 * factory so that keystores and truststores load exactly as the worker's Kafka clients load them (JKS, PKCS12,
 * PEM files and inline PEM). A setting that cannot be used fails here, at startup, with a {@link ConfigException}
 * naming the key.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * The context of HTTPS listeners: they need a key and certificate to present.
     *
     * @param listenersKey the key listing those listeners, for messages ("listeners", "admin.listeners")
     */
    public static SSLContext server(TlsSettings settings, String listenersKey) {
        if (settings.string(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG) == null
                && settings.password(SslConfigs.SSL_KEYSTORE_KEY_CONFIG) == null) {
            throw new ConfigException(settings.keyName(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG), null,
                    listenersKey + " has an https URL, which needs a keystore with the server's certificate: set "
                            + settings.keyName(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG) + " (or "
                            + settings.keyName(SslConfigs.SSL_KEYSTORE_KEY_CONFIG) + " and "
                            + settings.keyName(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG) + ")"
                            + (settings.prefixed() ? "" : "; keys prefixed " + settings.sidePrefix()
                            + " would apply to these listeners only"));
        }
        return load(settings).sslContext();
    }

    /**
     * The context of the client that calls other workers. When host name checking is off
     * ({@code ssl.endpoint.identification.algorithm} empty) its trust managers still check the chain but accept a
     * certificate issued for another host: java.net.http always asks for the check, so it is dropped there.
     */
    public static SSLContext client(TlsSettings settings) {
        DefaultSslEngineFactory factory = load(settings);
        if (settings.verifiesHostName()) {
            return factory.sslContext();
        }
        try {
            return withoutHostNameChecks(settings, factory);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Could not build the TLS client from " + settings.source() + ": " + e);
        }
    }

    private static DefaultSslEngineFactory load(TlsSettings settings) {
        requireReadable(settings, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG);
        requireReadable(settings, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);
        DefaultSslEngineFactory factory = new DefaultSslEngineFactory();
        try {
            factory.configure(settings.values());
            return factory;
        } catch (KafkaException | IllegalArgumentException e) {
            throw TlsConfigErrors.explain(settings, e);
        }
    }

    private static void requireReadable(TlsSettings settings, String locationKey) {
        String location = settings.string(locationKey);
        if (location == null) {
            return;
        }
        Path path = Path.of(location);
        if (!Files.exists(path)) {
            throw new ConfigException(settings.keyName(locationKey), location, "there is no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(settings.keyName(locationKey), location,
                    "the file cannot be read by this worker");
        }
    }

    private static SSLContext withoutHostNameChecks(TlsSettings settings, DefaultSslEngineFactory factory)
            throws GeneralSecurityException {
        String provider = settings.string(SslConfigs.SSL_PROVIDER_CONFIG);
        String protocol = settings.string(SslConfigs.SSL_PROTOCOL_CONFIG);
        SSLContext context = provider == null ? SSLContext.getInstance(protocol)
                : SSLContext.getInstance(protocol, provider);
        context.init(keyManagers(settings, factory.keystore()), trustManagers(settings, factory.truststore()),
                secureRandom(settings));
        return context;
    }

    private static KeyManager[] keyManagers(TlsSettings settings, KeyStore keystore) throws GeneralSecurityException {
        if (keystore == null) {
            return null;
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(
                settings.string(SslConfigs.SSL_KEYMANAGER_ALGORITHM_CONFIG));
        factory.init(keystore, keyPassword(settings));
        return factory.getKeyManagers();
    }

    /** As kafka-clients unlocks the key: the key password, else (not for PEM) the keystore's. */
    private static char[] keyPassword(TlsSettings settings) {
        Password key = settings.password(SslConfigs.SSL_KEY_PASSWORD_CONFIG);
        if (key != null) {
            return key.value().toCharArray();
        }
        Password store = settings.password(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG);
        return store == null ? null : store.value().toCharArray();
    }

    private static TrustManager[] trustManagers(TlsSettings settings, KeyStore truststore)
            throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(
                settings.string(SslConfigs.SSL_TRUSTMANAGER_ALGORITHM_CONFIG));
        factory.init(truststore);
        return Arrays.stream(factory.getTrustManagers())
                .map(manager -> manager instanceof X509ExtendedTrustManager x509
                        ? new AnyHostTrustManager(x509) : manager)
                .toArray(TrustManager[]::new);
    }

    private static SecureRandom secureRandom(TlsSettings settings) throws GeneralSecurityException {
        String implementation = settings.string(SslConfigs.SSL_SECURE_RANDOM_IMPLEMENTATION_CONFIG);
        return implementation == null ? null : SecureRandom.getInstance(implementation);
    }
}
