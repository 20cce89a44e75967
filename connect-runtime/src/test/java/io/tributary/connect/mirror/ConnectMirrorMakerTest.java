package io.tributary.connect.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.cli.PropertiesFile;
import io.tributary.connect.config.DistributedConfig;
import io.tributary.connect.mirror.ConnectMirrorMaker.Arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line and the mistakes a user can make in mm2.properties: each is refused before anything starts,
 * with a message naming the setting, and MirrorMaker 2's exit code for it.
 */
class ConnectMirrorMakerTest {

    private static final Path SAMPLE = Path.of("../config/connect-mirror-maker.properties");

    @TempDir
    Path dir;

    @Test
    void theSampleConfigDefinesTheFlowFromAToBOnLocalClusters() throws IOException {
        MirrorMakerSettings settings = new MirrorMakerSettings(PropertiesFile.read(SAMPLE));

        assertThat(settings.clusters()).containsExactly("A", "B");
        assertThat(settings.enabled(new Flow("A", "B"))).isTrue();
        assertThat(settings.enabled(new Flow("B", "A"))).isFalse();
        assertThat(settings.flowsTargeting(List.of("B"))).containsExactly(new Flow("A", "B"));
        settings.requireBootstrapServers(settings.flows());
        Map<String, String> worker = new FlowConfigs(settings).workerConfig(new Flow("A", "B"));
        DistributedConfig parsed = new DistributedConfig(worker);
        assertThat(parsed.bootstrapServers()).isEqualTo("localhost:9093");
        assertThat(parsed.groupId()).isEqualTo("A-mm2");
        assertThat(parsed.configTopic()).isEqualTo("mm2-configs.A.internal");
    }

    @Test
    void theCommandLineNamesTheFileAndOptionallyTheTargetClusters() throws IOException {
        Path file = Files.writeString(dir.resolve("mm2.properties"), "clusters=A,B\n");

        assertThat(Arguments.parse(new String[] {file.toString()})).isEqualTo(new Arguments(file, List.of()));
        assertThat(Arguments.parse(new String[] {file.toString(), "--clusters", "B", "C"}))
                .isEqualTo(new Arguments(file, List.of("B", "C")));
        // As with MirrorMaker 2's parser, --clusters takes every word after it: the file goes first.
        assertThatThrownBy(() -> Arguments.parse(new String[] {"--clusters", "B", file.toString()}))
                .hasMessageContaining("file is missing");
    }

    @Test
    void aWrongCommandLineIsRefusedSayingWhatIsWrong() throws IOException {
        Path file = Files.writeString(dir.resolve("mm2.properties"), "clusters=A,B\n");

        assertThatThrownBy(() -> Arguments.parse(new String[] {})).hasMessageContaining("file is missing");
        assertThatThrownBy(() -> Arguments.parse(new String[] {file.toString(), "--clusters"}))
                .hasMessageContaining("--clusters needs at least one cluster alias");
        assertThatThrownBy(() -> Arguments.parse(new String[] {dir.resolve("nope").toString()}))
                .hasMessageContaining("Cannot read the configuration file");
        assertThatThrownBy(() -> Arguments.parse(new String[] {file.toString(), "--cluster", "B"}))
                .hasMessageContaining("Unknown option --cluster");
    }

    @Test
    void aTargetClusterThatIsNotInClustersIsNamedAndExitsWithCode2() throws IOException {
        Path file = file("clusters=A,B\nA.bootstrap.servers=localhost:1\nB.bootstrap.servers=localhost:2\n"
                + "A->B.enabled=true\n");

        assertThatThrownBy(() -> MirrorMaker.start(PropertiesFile.read(file), List.of("C")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--clusters names C, which is not one of the clusters clusters=A,B");
        assertThat(ConnectMirrorMaker.run(new Arguments(file, List.of("C")))).isEqualTo(2);
    }

    @Test
    void aClusterWithoutBootstrapServersIsNamedAndExitsWithCode2() throws IOException {
        Path file = file("clusters=A,B\nA.bootstrap.servers=localhost:1\nA->B.enabled=true\n");

        assertThatThrownBy(() -> MirrorMaker.start(PropertiesFile.read(file), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Cluster B has no bootstrap servers: set B.bootstrap.servers to the host:port list of its "
                        + "brokers");
        assertThat(ConnectMirrorMaker.run(new Arguments(file, List.of()))).isEqualTo(2);
    }

    @Test
    void withoutClustersOrFlowsNothingCanRunAndTheExitCodeIs2() throws IOException {
        Path noClusters = file("A.bootstrap.servers=localhost:1\n");
        assertThatThrownBy(() -> MirrorMaker.start(PropertiesFile.read(noClusters), List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"clusters\"");
        assertThat(ConnectMirrorMaker.run(new Arguments(noClusters, List.of()))).isEqualTo(2);

        Path noFlows = file("clusters=A,B\nemit.heartbeats.enabled=false\n");
        assertThatThrownBy(() -> MirrorMaker.start(PropertiesFile.read(noFlows), List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("No source->target replication flows")
                .hasMessageContaining("A->B.enabled=true");
    }

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("mm2-" + System.nanoTime() + ".properties"), content);
    }
}
