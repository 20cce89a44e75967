package io.tributary.connect.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated authority and certificates work for a real TLS handshake, in every store format. */
class TestCertificatesTest {

    @TempDir
    static Path dir;
    private static TestCertificates tls;
    private static TestCertificates.Identity server;

    @BeforeAll
    static void issue() {
        tls = TestCertificates.create(dir.resolve("ca"));
        server = tls.issue("server", "dns:localhost", "ip:127.0.0.1");
    }

    @Test
    void aClientTrustingTheAuthorityCompletesAHandshakeWithCheckedHostName() throws Exception {
        assertThat(handshake(serverContext(server.keystore("PKCS12"), "PKCS12", TestCertificates.PASSWORD),
                tls.clientContext(null))).isEqualTo("CN=server");
    }

    @Test
    void anotherAuthoritysClientRefusesTheCertificate() throws Exception {
        TestCertificates other = TestCertificates.create(dir.resolve("other"));
        SSLContext serverContext = serverContext(server.keystore("JKS"), "JKS", TestCertificates.PASSWORD);
        assertThatThrownBy(() -> handshake(serverContext, other.clientContext(null)))
                .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
    }

    @Test
    void theKeyOfTheKeyPasswordStoreOpensOnlyWithThatPassword() throws Exception {
        KeyStore jks = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(server.jksWithKeyPassword("key-secret"))) {
            jks.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        assertThat(jks.getKey("server", "key-secret".toCharArray())).isInstanceOf(PrivateKey.class);
        assertThatThrownBy(() -> jks.getKey("server", TestCertificates.PASSWORD.toCharArray()))
                .isInstanceOf(java.security.UnrecoverableKeyException.class);
    }

    @Test
    void pemFilesHoldTheKeyThenTheChainAndTheTruststoreTheAuthority() throws Exception {
        String pem = Files.readString(server.keystore("PEM"));
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(pem.split("-----BEGIN CERTIFICATE-----")).hasSize(3);
        assertThat(Files.readString(tls.truststore("PEM"))).isEqualTo(tls.caCertificatePem());
    }

    private static SSLContext serverContext(Path keystore, String type, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** One byte over a real TLS connection on localhost; answers the server certificate's subject. */
    private static String handshake(SSLContext serverContext, SSLContext clientContext) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0)) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept(); OutputStream out = accepted.getOutputStream()) {
                    out.write(42);
                    out.flush();
                    accepted.getInputStream().read();
                } catch (Exception e) {
                    // the client's failed handshake ends the connection; the client side reports it
                }
            });
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory().createSocket("localhost",
                    listener.getLocalPort())) {
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                assertThat(client.getInputStream().read()).isEqualTo(42);
                client.getOutputStream().write(1);
                return ((X509Certificate) client.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
            } finally {
                served.get(10, TimeUnit.SECONDS);
            }
        }
    }
}
