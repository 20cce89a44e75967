package io.tributary.connect.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.tributary.connect.testkit.TestCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client a worker calls other workers with, against a real HTTPS server: trust, host name checks as
 * ssl.endpoint.identification.algorithm says, the worker's certificate for client authentication, and the same
 * settings Kafka Connect's REST client takes (listeners.https. prefixed ones when set).
 */
class WorkerHttpClientsTest {

    private static final String PW = TestCertificates.PASSWORD;

    @TempDir
    static Path dir;
    private static TestCertificates tls;
    private static TestCertificates.Identity localhost;
    private static TestCertificates.Identity noHost;
    private static TestCertificates.Identity worker;
    private HttpsServer server;

    @BeforeAll
    static void certificates() {
        tls = TestCertificates.create(dir.resolve("ca"));
        localhost = tls.issue("localhost", "dns:localhost");
        noHost = tls.issue("nohost");
        worker = tls.issue("worker");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anHttpsPeerIsCalledWithTheWorkersTruststore() throws Exception {
        URI url = serve(localhost, false);

        assertThat(get(clients(trusting()), url)).isEqualTo(200);
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnlessHostNameChecksAreOff() throws Exception {
        URI url = serve(noHost, false);

        assertThatThrownBy(() -> get(clients(trusting()), url)).isInstanceOf(SSLHandshakeException.class);

        Map<String, String> unchecked = new HashMap<>(trusting());
        unchecked.put("ssl.endpoint.identification.algorithm", "");
        assertThat(get(clients(unchecked), url)).isEqualTo(200);
    }

    @Test
    void withHostNameChecksOffAnUntrustedCertificateIsStillRefused() throws Exception {
        URI url = serve(TestCertificates.create(dir.resolve("other")).issue("stranger", "dns:localhost"), false);
        Map<String, String> unchecked = new HashMap<>(trusting());
        unchecked.put("ssl.endpoint.identification.algorithm", "");

        assertThatThrownBy(() -> get(clients(unchecked), url)).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aPeerRequiringClientCertificatesGetsTheWorkersKeystoreCertificate() throws Exception {
        URI url = serve(localhost, true);

        assertThatThrownBy(() -> get(clients(trusting()), url)).isInstanceOf(IOException.class);

        Map<String, String> withKeystore = new HashMap<>(trusting());
        withKeystore.put("ssl.keystore.location", worker.keystore("PKCS12").toString());
        withKeystore.put("ssl.keystore.password", PW);
        withKeystore.put("ssl.keystore.type", "PKCS12");
        assertThat(get(clients(withKeystore), url)).isEqualTo(200);
        withKeystore.put("ssl.endpoint.identification.algorithm", "");
        assertThat(get(clients(withKeystore), url)).as("the rebuilt context keeps the key").isEqualTo(200);

        Map<String, String> withPem = new HashMap<>(trusting());
        withPem.put("ssl.keystore.type", "PEM");
        withPem.put("ssl.keystore.key", worker.privateKeyPem());
        withPem.put("ssl.keystore.certificate.chain", worker.certificateChainPem());
        withPem.put("ssl.endpoint.identification.algorithm", "");
        assertThat(get(clients(withPem), url)).as("an unencrypted PEM key in the rebuilt context").isEqualTo(200);
    }

    @Test
    void theListenersPrefixedSettingsAreTheClientsWhenSet() throws Exception {
        URI url = serve(localhost, false);
        Map<String, String> props = new HashMap<>();
        props.put("ssl.truststore.location", dir.resolve("missing.p12").toString());
        trusting().forEach((key, value) -> props.put("listeners.https." + key, value));

        assertThat(get(clients(props), url)).isEqualTo(200);
    }

    @Test
    void unusableTlsSettingsFailAnHttpsCallNamingTheKeyButNotAnHttpOne() {
        WorkerHttpClients clients = clients(Map.of("ssl.truststore.location", dir.resolve("missing.p12").toString()));

        assertThatThrownBy(() -> clients.forUri(URI.create("https://localhost:1/"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.truststore.location").hasMessageContaining("missing.p12");
        assertThat(clients.forUri(URI.create("http://localhost:1/"))).isNotNull();
    }

    private static Map<String, String> trusting() {
        return Map.of("ssl.truststore.location", tls.truststore("JKS").toString(), "ssl.truststore.password", PW);
    }

    private static WorkerHttpClients clients(Map<String, String> props) {
        return new WorkerHttpClients(TlsSettingsTest.worker(props));
    }

    private URI serve(TestCertificates.Identity identity, boolean requireClientCertificate) throws IOException {
        Map<String, String> props = new HashMap<>(Map.of("ssl.keystore.location", identity.keystore("PKCS12").toString(),
                "ssl.keystore.password", PW, "ssl.keystore.type", "PKCS12"));
        props.putAll(trusting());
        SSLContext context = TlsContexts.server(TlsSettings.forListeners(TlsSettingsTest.worker(props)), "listeners");
        server = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(requireClientCertificate);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/");
    }

    private static int get(WorkerHttpClients clients, URI url) throws Exception {
        HttpClient client = clients.forUri(url);
        return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
