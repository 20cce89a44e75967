package io.tributary.connect.cli;

import io.tributary.connect.model.TargetState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorFileTest {

    @TempDir
    Path dir;

    @Test
    void propertiesFileGivesItsNameAndConfig() throws IOException {
        Path file = Files.writeString(dir.resolve("source.properties"),
                "name=local-file-source\nconnector.class=FileStreamSource\ntopic=connect-test\n");

        ConnectorFile connector = ConnectorFile.read(file);

        assertThat(connector.name()).isEqualTo("local-file-source");
        assertThat(connector.config()).containsEntry("connector.class", "FileStreamSource")
                .containsEntry("topic", "connect-test").containsEntry("name", "local-file-source");
        assertThat(connector.initialState()).isNull();
    }

    @Test
    void jsonFileTakesTheCreateConnectorBody() throws IOException {
        Path file = Files.writeString(dir.resolve("source.json"), """
                {"name": "json-src", "config": {"connector.class": "FileStreamSource", "tasks.max": 2},
                 "initial_state": "PAUSED"}
                """);

        ConnectorFile connector = ConnectorFile.read(file);

        assertThat(connector.name()).isEqualTo("json-src");
        assertThat(connector.config()).containsEntry("connector.class", "FileStreamSource").containsEntry("tasks.max", "2");
        assertThat(connector.initialState()).isEqualTo(TargetState.PAUSED);
    }

    @Test
    void malformedJsonNamesTheFileAndThePosition() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"name\": \"x\", \"config\": {\"a\": }");

        assertThatThrownBy(() -> ConnectorFile.read(file))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON").hasMessageContaining("line 1")
                .satisfies(e -> assertThat(((StartupException) e).exitCode()).isEqualTo(StartupException.CONNECTOR_EXIT_CODE));
    }

    @Test
    void unknownInitialStateListsTheAllowedOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"name\": \"x\", \"config\": {}, \"initial_state\": \"WHAT\"}");

        assertThatThrownBy(() -> ConnectorFile.read(file))
                .hasMessageContaining("WHAT").hasMessageContaining("RUNNING, PAUSED, STOPPED");
    }

    @Test
    void jsonWithoutConfigObjectIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"name\": \"x\"}");

        assertThatThrownBy(() -> ConnectorFile.read(file)).hasMessageContaining("no \"config\" object");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.properties");

        assertThatThrownBy(() -> ConnectorFile.read(file))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("does not exist");
    }
}
