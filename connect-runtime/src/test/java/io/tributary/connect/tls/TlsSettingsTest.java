package io.tributary.connect.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.config.StandaloneConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

/** Which ssl.* keys each side of the REST layer uses, resolved as Kafka Connect 4.1.1 resolves them. */
class TlsSettingsTest {

    @Test
    void withoutPrefixedKeysTheWorkersTopLevelSslKeysApplyWithTheirConfigDefaults() {
        TlsSettings settings = TlsSettings.forListeners(worker(Map.of(
                "ssl.keystore.location", "/top/keystore.p12", "ssl.keystore.password", "top-secret")));

        assertThat(settings.prefixed()).isFalse();
        assertThat(settings.string("ssl.keystore.location")).isEqualTo("/top/keystore.p12");
        assertThat(settings.password("ssl.keystore.password")).isEqualTo(new Password("top-secret"));
        assertThat(settings.string("ssl.keystore.type")).isEqualTo("JKS");
        assertThat(settings.string("ssl.protocol")).isEqualTo("TLSv1.3");
        assertThat(settings.enabledProtocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(settings.clientAuth()).isEqualTo("none");
        assertThat(settings.verifiesHostName()).isTrue();
        assertThat(settings.keyName("ssl.keystore.location")).isEqualTo("ssl.keystore.location");
    }

    @Test
    void anyPrefixedKeyMakesThePrefixedKeysTheOnlyOnesThatCount() {
        TlsSettings settings = TlsSettings.forListeners(worker(Map.of(
                "ssl.keystore.location", "/top/keystore.p12", "ssl.keystore.password", "top-secret",
                "ssl.client.auth", "required", "ssl.truststore.location", "/top/truststore.p12",
                "listeners.https.ssl.keystore.location", "/rest/keystore.p12")));

        assertThat(settings.prefixed()).isTrue();
        assertThat(settings.string("ssl.keystore.location")).isEqualTo("/rest/keystore.p12");
        assertThat(settings.password("ssl.keystore.password")).isNull();
        assertThat(settings.string("ssl.truststore.location")).isNull();
        assertThat(settings.clientAuth()).as("Kafka Connect's default, not the top-level key").isEqualTo("none");
        assertThat(settings.string("ssl.keystore.type")).isEqualTo("JKS");
        assertThat(settings.keyName("ssl.keystore.location")).isEqualTo("listeners.https.ssl.keystore.location");
    }

    @Test
    void aPrefixedKeyThatIsNoSslKeyStillSwitchesToThePrefixedSet() {
        TlsSettings settings = TlsSettings.forListeners(worker(Map.of(
                "ssl.keystore.location", "/top/keystore.p12", "listeners.https.unrelated", "x")));

        assertThat(settings.string("ssl.keystore.location")).isNull();
    }

    @Test
    void theAdminListenersHaveTheirOwnPrefixAndTheRestClientTheMainListenersSettings() {
        StandaloneConfig worker = worker(Map.of("ssl.keystore.location", "/top/keystore.p12",
                "admin.listeners.https.ssl.keystore.location", "/admin/keystore.p12",
                "admin.listeners.https.ssl.enabled.protocols", "TLSv1.3"));

        assertThat(TlsSettings.forAdminListeners(worker).string("ssl.keystore.location")).isEqualTo("/admin/keystore.p12");
        assertThat(TlsSettings.forAdminListeners(worker).enabledProtocols()).isEqualTo(List.of("TLSv1.3"));
        assertThat(TlsSettings.forListeners(worker).string("ssl.keystore.location")).isEqualTo("/top/keystore.p12");
        assertThat(TlsSettings.forRestClient(worker)).isEqualTo(TlsSettings.forListeners(worker));
    }

    @Test
    void anEmptyEndpointIdentificationAlgorithmTurnsHostNameChecksOff() {
        assertThat(TlsSettings.forRestClient(worker(Map.of("ssl.endpoint.identification.algorithm", "")))
                .verifiesHostName()).isFalse();
    }

    @Test
    void aPrefixedValueIsValidatedByTheWorkersDefinition() {
        StandaloneConfig worker = worker(Map.of("listeners.https.ssl.client.auth", "always"));
        assertThatThrownBy(() -> TlsSettings.forListeners(worker)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.https.").hasMessageContaining("ssl.client.auth").hasMessageContaining("always");
    }

    static StandaloneConfig worker(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "localhost:9092");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", "/tmp/unused.offsets");
        props.putAll(extra);
        return new StandaloneConfig(props);
    }
}
