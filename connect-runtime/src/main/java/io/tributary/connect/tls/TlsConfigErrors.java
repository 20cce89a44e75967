package io.tributary.connect.tls;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SslConfigs;

import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.UnrecoverableKeyException;
import java.util.Locale;

/**
 * Turns what kafka-clients' SSL engine factory throws into a {@link ConfigException} that names the key to fix,
 * as written in the worker config (with its listener prefix), and never echoes a password.
 */
final class TlsConfigErrors {

    private static final String HIDDEN = "[hidden]";
    private static final String FAILED_TO_LOAD = "failed to load ssl keystore ";

    private TlsConfigErrors() {
    }

    static ConfigException explain(TlsSettings settings, RuntimeException error) {
        String message = String.valueOf(error.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String reason = rootMessage(error);
        if (causedBy(error, NoSuchProviderException.class)) {
            return invalid(settings, SslConfigs.SSL_PROVIDER_CONFIG, "no such security provider: " + reason);
        }
        if (lower.startsWith(FAILED_TO_LOAD)) {
            // kafka-clients words both stores' failures alike, naming the file; the keystore is loaded first.
            boolean truststore = message.startsWith(settings.string(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG) + " ",
                    FAILED_TO_LOAD.length())
                    && !message.startsWith(settings.string(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG) + " ",
                    FAILED_TO_LOAD.length());
            return truststore
                    ? unreadableStore(settings, error, reason, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
                            SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG)
                    : unreadableStore(settings, error, reason, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG,
                            SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, SslConfigs.SSL_KEYSTORE_TYPE_CONFIG);
        }
        if (lower.contains("invalid pem keystore")) {
            return new ConfigException(settings.keyName(SslConfigs.SSL_KEYSTORE_KEY_CONFIG), HIDDEN,
                    "the PEM private key and certificate chain could not be read"
                            + (settings.password(SslConfigs.SSL_KEY_PASSWORD_CONFIG) == null ? ""
                            : " (is " + settings.keyName(SslConfigs.SSL_KEY_PASSWORD_CONFIG) + " right?)")
                            + ": " + reason);
        }
        if (lower.contains("invalid pem truststore")) {
            return new ConfigException(settings.keyName(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG), HIDDEN,
                    "the PEM certificates could not be read: " + reason);
        }
        if (causedBy(error, UnrecoverableKeyException.class)) {
            return new ConfigException(settings.keyName(SslConfigs.SSL_KEY_PASSWORD_CONFIG), HIDDEN,
                    "the private key in the keystore cannot be unlocked with this password (when "
                            + settings.keyName(SslConfigs.SSL_KEY_PASSWORD_CONFIG)
                            + " is unset, the keystore password is tried): " + reason);
        }
        if (causedBy(error, NoSuchAlgorithmException.class)) {
            return unknownAlgorithm(settings, reason);
        }
        String key = consistencyKey(lower);
        if (key != null) {
            return new ConfigException(settings.keyName(key), settings.values().get(key) == null ? null : HIDDEN,
                    message);
        }
        return new ConfigException("Invalid TLS settings in " + settings.source() + ": " + reason);
    }

    private static ConfigException unreadableStore(TlsSettings settings, RuntimeException error, String reason,
                                                   String locationKey, String passwordKey, String typeKey) {
        String location = settings.string(locationKey);
        String type = settings.string(typeKey);
        if (causedBy(error, KeyStoreException.class) && reason.contains(type + " KeyStore not available")) {
            return invalid(settings, typeKey, "this Java runtime has no keystore type of this name (" + reason + ")");
        }
        if (wrongPassword(error)) {
            return new ConfigException(settings.keyName(passwordKey), HIDDEN,
                    "the " + type + " file " + location + " cannot be opened with this password: " + reason);
        }
        return new ConfigException(settings.keyName(locationKey), location,
                "the file cannot be read as a " + type + " store (see " + settings.keyName(typeKey) + "): " + reason);
    }

    private static ConfigException unknownAlgorithm(TlsSettings settings, String reason) {
        for (String key : new String[]{SslConfigs.SSL_PROTOCOL_CONFIG, SslConfigs.SSL_KEYMANAGER_ALGORITHM_CONFIG,
                SslConfigs.SSL_TRUSTMANAGER_ALGORITHM_CONFIG, SslConfigs.SSL_SECURE_RANDOM_IMPLEMENTATION_CONFIG}) {
            String value = settings.string(key);
            if (value != null && reason.contains(value)) {
                return invalid(settings, key, "this Java runtime does not support it (" + reason + ")");
            }
        }
        return new ConfigException("Invalid TLS settings in " + settings.source() + ": " + reason);
    }

    /** The key behind one of kafka-clients' checks that keystore and truststore settings go together. */
    private static String consistencyKey(String message) {
        boolean trust = message.contains("trust store") || message.contains("truststore")
                || message.contains("trust certificates");
        if (message.contains("password")) {
            return trust ? SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG : SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG;
        }
        if (message.contains("certificate chain is not specified")) {
            return SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG;
        }
        if (message.contains("private key")) {
            return SslConfigs.SSL_KEYSTORE_KEY_CONFIG;
        }
        if (message.contains("type")) {
            return trust ? SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG : SslConfigs.SSL_KEYSTORE_TYPE_CONFIG;
        }
        if (trust) {
            return SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG;
        }
        return null;
    }

    private static ConfigException invalid(TlsSettings settings, String key, String why) {
        return new ConfigException(settings.keyName(key), settings.string(key), why);
    }

    private static boolean wrongPassword(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnrecoverableKeyException
                    || (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("password"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
