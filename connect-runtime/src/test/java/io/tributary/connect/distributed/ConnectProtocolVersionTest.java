package io.tributary.connect.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our protocol modes against Kafka Connect's ConnectProtocolCompatibility. */
class ConnectProtocolVersionTest {

    private final ReferenceRuntime apache = ReferenceRuntime.get();

    @ParameterizedTest
    @EnumSource(ConnectProtocolVersion.class)
    void namesAndVersionsMatchApache(ConnectProtocolVersion mode) {
        Object theirs = apache.callStatic("ConnectProtocolCompatibility", "valueOf", mode.name());
        assertThat(mode.toString()).isEqualTo(theirs.toString());
        assertThat(mode.protocolName()).isEqualTo(apache.invoke(theirs, "protocol"));
        assertThat(mode.version()).isEqualTo(apache.invoke(theirs, "protocolVersion"));
        assertThat(ConnectProtocolVersion.fromConfig(mode.configValue().toUpperCase()).name())
            .isEqualTo(apache.callStatic("ConnectProtocolCompatibility", "compatibility",
                mode.configValue().toUpperCase()).toString().toUpperCase());
    }

    @Test
    void unknownModeIsRejected() {
        assertThatThrownBy(() -> ConnectProtocolVersion.fromConfig("bogus"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bogus");
    }

    @Test
    void eagerIsOfferedUnderTheNameDefault() {
        assertThat(ConnectProtocolVersion.fromProtocolName("default")).isEqualTo(ConnectProtocolVersion.EAGER);
        assertThatThrownBy(() -> ConnectProtocolVersion.fromProtocolName("eager"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyEagerRevokesEverything() {
        assertThat(ConnectProtocolVersion.EAGER.cooperative()).isFalse();
        assertThat(ConnectProtocolVersion.COMPATIBLE.cooperative()).isTrue();
        assertThat(ConnectProtocolVersion.SESSIONED.cooperative()).isTrue();
    }
}
