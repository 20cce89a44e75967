package io.tributary.connect.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS contexts from every keystore format kafka-clients reads, and a startup error naming the key for each
 * mistake a user can make with them (never echoing a password).
 */
class TlsContextsTest {

    private static final String PW = TestCertificates.PASSWORD;

    @TempDir
    static Path dir;
    static TestCertificates tls;
    static TestCertificates.Identity server;

    @BeforeAll
    static void certificates() {
        tls = TestCertificates.create(dir.resolve("ca"));
        server = tls.issue("server", "dns:localhost", "ip:127.0.0.1");
    }

    @Test
    void aServerContextLoadsFromPkcs12JksAndPemFilesAndFromInlinePem() {
        assertThat(TlsContexts.server(settings(keystore("PKCS12")), "listeners")).isNotNull();
        assertThat(TlsContexts.server(settings(keystore("JKS")), "listeners")).isNotNull();
        assertThat(TlsContexts.server(settings(Map.of("ssl.keystore.type", "PEM",
                "ssl.keystore.location", server.keystore("PEM").toString())), "listeners")).isNotNull();
        assertThat(TlsContexts.server(settings(Map.of("ssl.keystore.type", "PEM",
                "ssl.keystore.key", server.privateKeyPem(),
                "ssl.keystore.certificate.chain", server.certificateChainPem(),
                "ssl.truststore.type", "PEM", "ssl.truststore.certificates", tls.caCertificatePem())), "listeners"))
                .isNotNull();
        assertThat(TlsContexts.server(settings(Map.of("ssl.keystore.location",
                server.jksWithKeyPassword("key-secret").toString(), "ssl.keystore.password", PW,
                "ssl.key.password", "key-secret")), "listeners")).isNotNull();
    }

    @Test
    void anHttpsListenerWithoutAKeystoreIsRefused() {
        refused(Map.of()).hasMessageContaining("configuration ssl.keystore.location")
                .hasMessageContaining("listeners has an https URL, which needs a keystore")
                .hasMessageContaining("listeners.https.");
    }

    @Test
    void aKeystoreThatDoesNotExistIsNamedWithItsPath() {
        refused(Map.of("ssl.keystore.location", dir.resolve("nowhere.p12").toString(), "ssl.keystore.password", PW))
                .hasMessageContaining("ssl.keystore.location").hasMessageContaining("nowhere.p12")
                .hasMessageContaining("no such file");
    }

    @Test
    void aWrongKeystorePasswordNamesThePasswordKeyWithoutShowingIt() {
        for (String type : new String[]{"PKCS12", "JKS"}) {
            Map<String, String> props = new HashMap<>(keystore(type));
            props.put("ssl.keystore.password", "not-the-password");
            refused(props).hasMessageContaining("ssl.keystore.password").hasMessageContaining("cannot be opened")
                    .hasMessageNotContaining("not-the-password");
        }
    }

    @Test
    void aKeystoreWithoutItsPasswordIsRefused() {
        refused(Map.of("ssl.keystore.location", server.keystore("PKCS12").toString(), "ssl.keystore.type", "PKCS12"))
                .hasMessageContaining("ssl.keystore.password");
    }

    @Test
    void aKeyPasswordThatDoesNotUnlockTheKeyNamesSslKeyPassword() {
        String keystore = server.jksWithKeyPassword("key-secret").toString();
        refused(Map.of("ssl.keystore.location", keystore, "ssl.keystore.password", PW, "ssl.key.password", "wrong"))
                .hasMessageContaining("ssl.key.password").hasMessageNotContaining("wrong");
        refused(Map.of("ssl.keystore.location", keystore, "ssl.keystore.password", PW))
                .hasMessageContaining("ssl.key.password");
    }

    @Test
    void aFileOfAnotherFormatNamesTheLocationAndTheType() {
        refused(Map.of("ssl.keystore.location", server.keystore("PEM").toString(), "ssl.keystore.password", PW,
                "ssl.keystore.type", "PKCS12"))
                .hasMessageContaining("ssl.keystore.location").hasMessageContaining("PKCS12");
    }

    @Test
    void anUnknownKeystoreTypeNamesTheTypeKey() {
        Map<String, String> props = new HashMap<>(keystore("PKCS12"));
        props.put("ssl.keystore.type", "NOSUCHTYPE");
        refused(props).hasMessageContaining("configuration ssl.keystore.type").hasMessageContaining("NOSUCHTYPE");
    }

    @Test
    void aWrongTruststorePasswordNamesTheTruststorePasswordKey() {
        Map<String, String> props = new HashMap<>(keystore("PKCS12"));
        props.put("ssl.truststore.location", tls.truststore("PKCS12").toString());
        props.put("ssl.truststore.type", "PKCS12");
        props.put("ssl.truststore.password", "not-the-password");
        refused(props).hasMessageContaining("ssl.truststore.password").hasMessageNotContaining("not-the-password");
    }

    @Test
    void anInlinePemKeyThatIsNoKeyNamesSslKeystoreKey() {
        refused(Map.of("ssl.keystore.type", "PEM", "ssl.keystore.key", "-----BEGIN PRIVATE KEY-----\nAAAA\n"
                + "-----END PRIVATE KEY-----\n", "ssl.keystore.certificate.chain", server.certificateChainPem()))
                .hasMessageContaining("ssl.keystore.key");
    }

    @Test
    void anUnsupportedProtocolNamesSslProtocol() {
        Map<String, String> props = new HashMap<>(keystore("PKCS12"));
        props.put("ssl.protocol", "TLSv9");
        refused(props).hasMessageContaining("ssl.protocol").hasMessageContaining("TLSv9");
    }

    @Test
    void prefixedSettingsAreNamedWithTheirPrefix() {
        TlsSettings settings = TlsSettings.forListeners(TlsSettingsTest.worker(Map.of(
                "listeners.https.ssl.keystore.location", server.keystore("PKCS12").toString(),
                "listeners.https.ssl.keystore.type", "PKCS12",
                "listeners.https.ssl.keystore.password", "not-the-password")));
        assertThatThrownBy(() -> TlsContexts.server(settings, "listeners")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.https.ssl.keystore.password");
    }

    private static Map<String, String> keystore(String type) {
        return Map.of("ssl.keystore.location", server.keystore(type).toString(), "ssl.keystore.password", PW,
                "ssl.keystore.type", type);
    }

    private static TlsSettings settings(Map<String, String> props) {
        return TlsSettings.forListeners(TlsSettingsTest.worker(props));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Map<String, String> props) {
        return assertThatThrownBy(() -> TlsContexts.server(settings(props), "listeners")).isInstanceOf(ConfigException.class);
    }
}
