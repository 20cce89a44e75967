package io.tributary.connect.tls;

import io.tributary.connect.config.RestServerConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.internals.BrokerSecurityConfigs;
import org.apache.kafka.common.config.types.Password;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ssl.*} settings of one side of the REST layer, resolved as Kafka Connect resolves them: when any key
 * under the side's prefix ({@code listeners.https.} or {@code admin.listeners.https.}) is set, only the prefixed
 * keys count and the worker's top-level {@code ssl.*} keys are ignored; otherwise the top-level keys apply. Keys the
 * prefixed set leaves out take the defaults Kafka Connect's REST server assumes.
 *
 * @param sidePrefix the prefix of this side's own keys, e.g. "admin.listeners.https."
 * @param prefixed   whether the values came from keys with that prefix rather than the top-level ones
 * @param values     parsed values by unprefixed key ({@code ssl.keystore.location}, ...)
 */
public record TlsSettings(String sidePrefix, boolean prefixed, Map<String, Object> values) {

    private static final Map<String, Object> REST_DEFAULTS = Map.of(
            SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, SslConfigs.DEFAULT_SSL_KEYSTORE_TYPE,
            SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, SslConfigs.DEFAULT_SSL_TRUSTSTORE_TYPE,
            SslConfigs.SSL_PROTOCOL_CONFIG, SslConfigs.DEFAULT_SSL_PROTOCOL,
            SslConfigs.SSL_ENABLED_PROTOCOLS_CONFIG, List.of(SslConfigs.DEFAULT_SSL_ENABLED_PROTOCOLS.split("\\s*,\\s*")),
            SslConfigs.SSL_KEYMANAGER_ALGORITHM_CONFIG, KeyManagerFactory.getDefaultAlgorithm(),
            SslConfigs.SSL_TRUSTMANAGER_ALGORITHM_CONFIG, TrustManagerFactory.getDefaultAlgorithm(),
            BrokerSecurityConfigs.SSL_CLIENT_AUTH_CONFIG, "none",
            SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG,
            SslConfigs.DEFAULT_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM);

    public TlsSettings {
        values = Map.copyOf(values);
    }

    /** What the main listeners serve HTTPS with. */
    public static TlsSettings forListeners(AbstractConfig worker) {
        return resolve(worker, RestServerConfigs.LISTENERS_HTTPS_CONFIGS_PREFIX);
    }

    /** What the admin listeners serve HTTPS with. */
    public static TlsSettings forAdminListeners(AbstractConfig worker) {
        return resolve(worker, RestServerConfigs.ADMIN_LISTENERS_HTTPS_CONFIGS_PREFIX);
    }

    /**
     * What this worker uses when it calls another worker over HTTPS. Kafka Connect's REST client takes the same
     * settings as the main listeners, so a worker presents its own listener certificate when a peer asks for one.
     */
    public static TlsSettings forRestClient(AbstractConfig worker) {
        return forListeners(worker);
    }

    static TlsSettings resolve(AbstractConfig config, String prefix) {
        boolean prefixed = !config.originalsWithPrefix(prefix).isEmpty();
        Map<String, Object> values = new HashMap<>(REST_DEFAULTS);
        Map<String, Object> configured;
        try {
            configured = config.valuesWithPrefixAllOrNothing(prefix);
        } catch (ConfigException e) {
            // The check names the key without its prefix; say which one it was.
            throw new ConfigException("Invalid TLS setting under " + prefix + ": " + e.getMessage());
        }
        configured.forEach((key, value) -> {
            if (key.startsWith("ssl.") && value != null) {
                values.put(key, value);
            }
        });
        return new TlsSettings(prefix, prefixed, values);
    }

    /** The key as the user wrote it (or would write it), e.g. "listeners.https.ssl.keystore.location". */
    public String keyName(String sslKey) {
        return prefixed ? sidePrefix + sslKey : sslKey;
    }

    public String string(String sslKey) {
        Object value = values.get(sslKey);
        return value == null ? null : value.toString();
    }

    public Password password(String sslKey) {
        return (Password) values.get(sslKey);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String sslKey) {
        Object value = values.get(sslKey);
        return value == null ? List.of() : (List<String>) value;
    }

    public List<String> enabledProtocols() {
        return list(SslConfigs.SSL_ENABLED_PROTOCOLS_CONFIG);
    }

    /** Empty when the JVM's default suites apply. */
    public List<String> cipherSuites() {
        return list(SslConfigs.SSL_CIPHER_SUITES_CONFIG);
    }

    /** none, requested or required. */
    public String clientAuth() {
        return string(BrokerSecurityConfigs.SSL_CLIENT_AUTH_CONFIG);
    }

    /** Whether a client checks that the server's certificate names the host it called. */
    public boolean verifiesHostName() {
        String algorithm = string(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG);
        return algorithm != null && !algorithm.isBlank();
    }

    /** Where the settings came from, for messages: "the keys prefixed listeners.https." or the top-level keys. */
    public String source() {
        return prefixed ? "the " + sidePrefix + "ssl.* settings" : "the worker's ssl.* settings";
    }
}
