package io.tributary.connect.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.apache.kafka.common.protocol.types.SchemaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Our JoinGroup metadata and SyncGroup assignments against Kafka Connect 4.1.1's own encoders and decoders,
 * run from the reference jar, byte for byte over many seeded random inputs.
 */
class ProtocolEncodingDifferentialTest {

    private static final int SAMPLES = 300;

    private final ReferenceProtocol apache = new ReferenceProtocol();

    @ParameterizedTest
    @EnumSource(ConnectProtocolVersion.class)
    void metadataBytesMatchApache(ConnectProtocolVersion protocol) {
        ProtocolSamples samples = new ProtocolSamples(protocol.ordinal());
        for (int i = 0; i < SAMPLES; i++) {
            WorkerState state = samples.workerState();
            assertThat(hex(WorkerStateCodec.encode(state, protocol)))
                .as("%s", state).isEqualTo(hex(apache.encodeMetadata(state, protocol)));
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectProtocolVersion.class)
    void assignmentBytesMatchApache(ConnectProtocolVersion protocol) {
        ProtocolSamples samples = new ProtocolSamples(10 + protocol.ordinal());
        for (int i = 0; i < SAMPLES; i++) {
            Assignment assignment = samples.assignment(protocol.version());
            assertThat(hex(AssignmentCodec.encode(assignment, protocol)))
                .as("%s", assignment).isEqualTo(hex(apache.encodeAssignment(assignment, protocol)));
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectProtocolVersion.class)
    void offeredProtocolsMatchApache(ConnectProtocolVersion mode) {
        ProtocolSamples samples = new ProtocolSamples(20 + mode.ordinal());
        for (int i = 0; i < 50; i++) {
            WorkerState state = samples.workerState();
            assertThat(ProtocolLines.of(WorkerStateCodec.protocols(state, mode)))
                .isEqualTo(apache.offeredProtocols(state, mode));
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectProtocolVersion.class)
    void weDecodeApacheMetadataAsApacheDoes(ConnectProtocolVersion protocol) {
        ProtocolSamples samples = new ProtocolSamples(30 + protocol.ordinal());
        ConnectProtocolVersion decoder = protocol == ConnectProtocolVersion.EAGER
            ? ConnectProtocolVersion.COMPATIBLE : protocol;
        for (int i = 0; i < SAMPLES; i++) {
            byte[] bytes = apache.encodeMetadata(samples.workerState(), protocol);
            assertThat(WorkerStateCodec.decode(ByteBuffer.wrap(bytes))).isEqualTo(apache.decodeMetadata(bytes, decoder));
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectProtocolVersion.class)
    void weDecodeApacheAssignmentsAsApacheDoes(ConnectProtocolVersion protocol) {
        ProtocolSamples samples = new ProtocolSamples(40 + protocol.ordinal());
        for (int i = 0; i < SAMPLES; i++) {
            byte[] bytes = apache.encodeAssignment(samples.assignment(protocol.version()), protocol);
            assertThat(AssignmentCodec.decode(ByteBuffer.wrap(bytes))).isEqualTo(apache.decodeAssignment(bytes, protocol));
        }
    }

    @Test
    void versionZeroMetadataReadsAsHoldingNothingLikeApache() {
        byte[] eager = apache.encodeMetadata(new WorkerState("http://w:8083/", 7), ConnectProtocolVersion.EAGER);
        WorkerState ours = WorkerStateCodec.decode(ByteBuffer.wrap(eager));
        assertThat(ours).isEqualTo(apache.decodeMetadata(eager, ConnectProtocolVersion.COMPATIBLE));
        assertThat(ours.assignment().isEmptyPlaceholder()).isTrue();
    }

    @Test
    void emptyPlaceholderIsSentAsNullAllocationLikeApache() {
        WorkerState state = new WorkerState("http://w:8083/", 3, Assignment.empty());
        assertThat(hex(WorkerStateCodec.encode(state, ConnectProtocolVersion.SESSIONED))).endsWith("ffffffff")
            .isEqualTo(hex(apache.encodeMetadata(state, ConnectProtocolVersion.SESSIONED)));
        assertThat(AssignmentCodec.encode(Assignment.empty(), ConnectProtocolVersion.COMPATIBLE)).isNull();
    }

    @Test
    void futureMetadataVersionIsReadAsFarAsKnownLikeApache() {
        byte[] future = HexFormat.of().parseHex("00030001750000000000000001ffffffff");
        assertThat(WorkerStateCodec.decode(ByteBuffer.wrap(future)))
            .isEqualTo(apache.decodeMetadata(future, ConnectProtocolVersion.COMPATIBLE));
    }

    @Test
    void assignmentMissingTrailingCooperativeFieldsReadsAsNoRevocationsLikeApache() {
        byte[] truncated = HexFormat.of().parseHex("0001000000016c000175000000000000000700000000");
        assertThat(AssignmentCodec.decode(ByteBuffer.wrap(truncated)))
            .isEqualTo(apache.decodeAssignment(truncated, ConnectProtocolVersion.COMPATIBLE));
    }

    @Test
    void negativeVersionIsRejectedLikeApache() {
        byte[] negative = HexFormat.of().parseHex("ffff0001750000000000000001");
        assertThatThrownBy(() -> apache.decodeMetadata(negative, ConnectProtocolVersion.COMPATIBLE))
            .isInstanceOf(SchemaException.class);
        assertThatThrownBy(() -> WorkerStateCodec.decode(ByteBuffer.wrap(negative)))
            .isInstanceOf(SchemaException.class).hasMessageContaining("-1");
    }

    @Test
    void decodingLeavesTheCallersBufferPositionAlone() {
        ByteBuffer buffer = WorkerStateCodec.encode(new WorkerState("u", 1), ConnectProtocolVersion.EAGER);
        WorkerStateCodec.decode(buffer);
        assertThat(buffer.position()).isZero();
    }

    private static String hex(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
