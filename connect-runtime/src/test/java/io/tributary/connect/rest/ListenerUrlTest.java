package io.tributary.connect.rest;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListenerUrlTest {

    @Test
    void parsesSchemeHostAndPort() {
        assertThat(ListenerUrl.parse("listeners", "http://localhost:8083"))
                .isEqualTo(new ListenerUrl("http", "localhost", 8083));
    }

    @Test
    void anEmptyHostMeansEveryInterface() {
        ListenerUrl url = ListenerUrl.parse("listeners", "http://:8083");

        assertThat(url.allInterfaces()).isTrue();
        assertThat(url.port()).isEqualTo(8083);
    }

    @Test
    void bracketedIpv6HostsLoseTheirBrackets() {
        assertThat(ListenerUrl.parse("listeners", "http://[::1]:0").host()).isEqualTo("::1");
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertThat(ListenerUrl.parse("listeners", "HTTP://host:1").scheme()).isEqualTo("http");
    }

    @Test
    void aUrlWithoutPortIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> ListenerUrl.parse("admin.listeners", "http://localhost"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.listeners")
                .hasMessageContaining("scheme://host:port");
    }

    @Test
    void httpsIsASecureListener() {
        ListenerUrl url = ListenerUrl.parse("listeners", "HTTPS://localhost:8443");

        assertThat(url.scheme()).isEqualTo("https");
        assertThat(url.secure()).isTrue();
        assertThat(ListenerUrl.parse("listeners", "http://localhost:8083").secure()).isFalse();
    }

    @Test
    void anotherSchemeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> ListenerUrl.parse("listeners", "ftp://localhost:8443"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners").hasMessageContaining("http or https");
    }

    @Test
    void portsAbove65535AreRefused() {
        assertThatThrownBy(() -> ListenerUrl.parse("listeners", "http://localhost:70000"))
                .isInstanceOf(ConfigException.class);
    }
}
