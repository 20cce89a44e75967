package io.tributary.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.testkit.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTPS listeners of the REST server, with certificates made for the run: what a client trusting the authority
 * gets, what other clients get, client certificates, the keystore formats, the TLS keys and their prefixes.
 */
class HttpsListenersTest {

    private static final String PW = TestCertificates.PASSWORD;

    @TempDir
    static Path dir;
    private static TestCertificates tls;
    private static TestCertificates.Identity server;
    private static TestCertificates.Identity client;

    @BeforeAll
    static void certificates() {
        tls = TestCertificates.create(dir.resolve("ca"));
        server = tls.issue("server", "dns:localhost", "ip:127.0.0.1");
        client = tls.issue("client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PKCS12", "JKS", "PEM"})
    void aClientTrustingTheAuthorityGets200OverTlsWithAKeystoreOfEachType(String type) throws Exception {
        try (RestTestServer rest = RestTestServer.ready(https(keystore(type)))) {
            HttpResponse<String> answer = get(trusting(null), rest.server.serverUrl(), "/connectors");

            assertThat(rest.server.serverUrl().getScheme()).isEqualTo("https");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("[]");
            assertThat(answer.sslSession()).isPresent();
        }
    }

    @Test
    void inlinePemKeyAndChainServeToo() throws Exception {
        Map<String, String> props = https(Map.of("ssl.keystore.type", "PEM", "ssl.keystore.key", server.privateKeyPem(),
                "ssl.keystore.certificate.chain", server.certificateChainPem()));
        try (RestTestServer rest = RestTestServer.ready(props)) {
            assertThat(get(trusting(null), rest.server.serverUrl(), "/connectors").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheAuthorityFailsTheHandshake() {
        try (RestTestServer rest = RestTestServer.ready(https(keystore("PKCS12")))) {
            HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

            assertThatThrownBy(() -> get(untrusting, rest.server.serverUrl(), "/connectors"))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void requiredClientAuthRefusesAClientWithoutCertificateAndServesOneWithIt() throws Exception {
        Map<String, String> props = new HashMap<>(https(keystore("PKCS12")));
        props.putAll(truststore());
        props.put("ssl.client.auth", "required");
        try (RestTestServer rest = RestTestServer.ready(props)) {
            assertThatThrownBy(() -> get(trusting(null), rest.server.serverUrl(), "/connectors")).isInstanceOf(IOException.class);
            assertThat(get(trusting(client), rest.server.serverUrl(), "/connectors").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void requestedClientAuthServesAClientWithoutCertificate() throws Exception {
        Map<String, String> props = new HashMap<>(https(keystore("PKCS12")));
        props.putAll(truststore());
        props.put("ssl.client.auth", "requested");
        try (RestTestServer rest = RestTestServer.ready(props)) {
            assertThat(get(trusting(null), rest.server.serverUrl(), "/connectors").statusCode()).isEqualTo(200);
            assertThat(get(trusting(client), rest.server.serverUrl(), "/connectors").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void plainHttpToAnHttpsListenerGetsNoHttpAnswer() throws Exception {
        try (RestTestServer rest = RestTestServer.ready(https(keystore("PKCS12")));
             Socket socket = new Socket("localhost", rest.server.serverUrl().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String received = new String(readToEnd(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(received).doesNotContain("HTTP/");
        }
    }

    @Test
    void enabledProtocolsAndCipherSuitesLimitWhatIsNegotiated() throws Exception {
        Map<String, String> props = new HashMap<>(https(keystore("PKCS12")));
        props.put("ssl.enabled.protocols", "TLSv1.2");
        props.put("ssl.protocol", "TLSv1.2");
        props.put("ssl.cipher.suites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        try (RestTestServer rest = RestTestServer.ready(props)) {
            HttpResponse<String> answer = get(trusting(null), rest.server.serverUrl(), "/connectors");
            assertThat(answer.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(answer.sslSession().orElseThrow().getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

            SSLParameters onlyTls13 = new SSLParameters();
            onlyTls13.setProtocols(new String[]{"TLSv1.3"});
            HttpClient tls13 = HttpClient.newBuilder().sslContext(tls.clientContext(null)).sslParameters(onlyTls13)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> get(tls13, rest.server.serverUrl(), "/connectors")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void httpAndHttpsListenersServeSideBySideAndHttpIsAdvertisedUnlessHttpsIsAsked() throws Exception {
        Map<String, String> props = new HashMap<>(keystore("PKCS12"));
        props.put("listeners", "https://localhost:0,http://localhost:0");
        try (RestTestServer rest = RestTestServer.ready(props)) {
            URI secure = rest.server.listenerUrls().get(0);
            URI plain = rest.server.listenerUrls().get(1);

            assertThat(secure.getScheme()).isEqualTo("https");
            assertThat(plain.getScheme()).isEqualTo("http");
            assertThat(get(trusting(null), secure, "/connectors").statusCode()).isEqualTo(200);
            assertThat(get(trusting(null), plain, "/connectors").statusCode()).isEqualTo(200);
            assertThat(rest.server.advertisedUrl()).isEqualTo(plain);
        }
        props.put("rest.advertised.listener", "HTTPS");
        try (RestTestServer rest = RestTestServer.ready(props)) {
            assertThat(rest.server.advertisedUrl()).isEqualTo(rest.server.listenerUrls().get(0));
        }
    }

    @Test
    void onlyHttpsListenersAreAdvertisedAsHttpsWithTheAdvertisedHostAndPortStillApplied() {
        Map<String, String> props = new HashMap<>(https(keystore("PKCS12")));
        props.put("rest.advertised.host.name", "connect-1.example.com");
        props.put("rest.advertised.port", "18443");
        try (RestTestServer rest = RestTestServer.ready(props)) {
            assertThat(rest.server.advertisedUrl()).hasToString("https://connect-1.example.com:18443/");
            assertThat(rest.server.workerId()).isEqualTo("connect-1.example.com:18443");
        }
    }

    @Test
    void withoutHttpsListenersTheTlsKeysAreNotRead() {
        Map<String, String> props = Map.of("ssl.keystore.location", dir.resolve("not-there.p12").toString(),
                "listeners.https.ssl.client.auth", "always", "admin.listeners", "http://localhost:0");
        try (RestTestServer rest = RestTestServer.ready(props)) {
            assertThat(rest.get("/connectors").status()).isEqualTo(200);
        }
    }

    @Test
    void anAdvertisedListenerOtherThanHttpOrHttpsIsRefused() {
        Map<String, String> props = new HashMap<>(https(keystore("PKCS12")));
        props.put("rest.advertised.listener", "wss");

        assertThatThrownBy(() -> RestTestServer.ready(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rest.advertised.listener").hasMessageContaining("wss");
    }

    @Test
    void listenersPrefixedKeysReplaceTheTopLevelOnesEntirely() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("listeners", "https://localhost:0");
        props.put("ssl.keystore.location", dir.resolve("not-there.p12").toString());
        props.put("ssl.client.auth", "required");
        keystore("PKCS12").forEach((key, value) -> props.put("listeners.https." + key, value));
        try (RestTestServer rest = RestTestServer.ready(props)) {
            // Neither the missing top-level keystore nor the top-level client auth applies.
            assertThat(get(trusting(null), rest.server.serverUrl(), "/connectors").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPrefixedSetWithoutAKeystoreIsRefusedEvenWhenTheTopLevelHasOne() {
        Map<String, String> props = new HashMap<>(https(keystore("PKCS12")));
        props.put("listeners.https.ssl.client.auth", "requested");

        assertThatThrownBy(() -> RestTestServer.ready(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.https.ssl.keystore.location");
    }

    @Test
    void aWrongKeystorePasswordFailsTheStartNamingTheKey() {
        Map<String, String> props = new HashMap<>(https(keystore("PKCS12")));
        props.put("ssl.keystore.password", "not-the-password");

        assertThatThrownBy(() -> RestTestServer.ready(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.keystore.password").hasMessageNotContaining("not-the-password");
    }

    @Test
    void httpsAdminListenersUseTheirOwnPrefixedSettings() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("admin.listeners", "https://localhost:0");
        keystore("JKS").forEach((key, value) -> props.put("admin.listeners.https." + key, value));
        try (RestTestServer rest = RestTestServer.ready(props)) {
            URI admin = rest.server.adminUrl();

            assertThat(admin.getScheme()).isEqualTo("https");
            assertThat(get(trusting(null), admin, "/admin/loggers/root").statusCode()).isEqualTo(200);
            assertThat(get(trusting(null), admin, "/connectors").statusCode()).isEqualTo(404);
            assertThat(rest.get("/connectors").status()).isEqualTo(200);
            assertThat(rest.get("/admin/loggers/root").status()).isEqualTo(404);
        }
    }

    @Test
    void anHttpsAdminListenerWithoutKeystoreIsRefusedNamingItsPrefix() {
        Map<String, String> props = new HashMap<>(keystore("PKCS12"));
        props.put("admin.listeners", "https://localhost:0");
        props.put("admin.listeners.https.ssl.client.auth", "none");

        assertThatThrownBy(() -> RestTestServer.ready(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.listeners.https.ssl.keystore.location");
    }

    private static Map<String, String> keystore(String type) {
        Map<String, String> props = new HashMap<>();
        props.put("ssl.keystore.type", type);
        props.put("ssl.keystore.location", server.keystore(type).toString());
        if (!type.equals("PEM")) {
            props.put("ssl.keystore.password", PW);
        }
        return props;
    }

    private static Map<String, String> truststore() {
        return Map.of("ssl.truststore.type", "PKCS12", "ssl.truststore.location", tls.truststore("PKCS12").toString(),
                "ssl.truststore.password", PW);
    }

    private static Map<String, String> https(Map<String, String> tlsProps) {
        Map<String, String> props = new HashMap<>(tlsProps);
        props.put("listeners", "https://localhost:0");
        return props;
    }

    private static HttpClient trusting(TestCertificates.Identity identity) {
        SSLContext context = tls.clientContext(identity);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> get(HttpClient client, URI base, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
