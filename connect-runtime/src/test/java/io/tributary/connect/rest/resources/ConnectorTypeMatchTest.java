package io.tributary.connect.rest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectorTypeMatchTest {

    @Test
    void aFullClassNameMatchesItsSimpleNameWithoutSuffix() {
        assertThat(ConnectorTypeMatch.matches("org.example.FileStreamSourceConnector", "FileStreamSource")).isTrue();
    }

    @Test
    void anAliasMatchesTheSimpleNameWithSuffix() {
        assertThat(ConnectorTypeMatch.matches("FileStreamSource", "FileStreamSourceConnector")).isTrue();
    }

    @Test
    void theSuffixAloneMatchesNothing() {
        assertThat(ConnectorTypeMatch.matches("org.example.FileStreamSourceConnector", "Connector")).isFalse();
    }

    @Test
    void caseMatters() {
        assertThat(ConnectorTypeMatch.matches("FileStreamSource", "filestreamsource")).isFalse();
    }
}
