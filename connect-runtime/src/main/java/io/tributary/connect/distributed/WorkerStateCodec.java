package io.tributary.connect.distributed;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.protocol.types.SchemaException;

/**
 * The JoinGroup metadata of a member, identical to Kafka Connect's: an INT16 version, the REST URL and the
 * config offset; versions 1 and 2 add the member's current assignment as nullable bytes.
 */
public final class WorkerStateCodec {

    private WorkerStateCodec() {
    }

    public static ByteBuffer encode(WorkerState state, ConnectProtocolVersion protocol) {
        WireWriter out = new WireWriter()
            .int16(protocol.version())
            .string("url", state.url())
            .int64(state.configOffset());
        if (protocol.cooperative()) {
            out.nullableBytes(AssignmentCodec.encode(state.assignment(), protocol));
        }
        return out.toBuffer();
    }

    /** Any version; a missing or null allocation reads as {@link Assignment#empty()}. */
    public static WorkerState decode(ByteBuffer buffer) {
        WireReader in = new WireReader(buffer);
        short version = in.int16();
        if (version < 0) {
            throw new SchemaException("Unsupported subscription version: " + version);
        }
        String url = in.string();
        long offset = in.int64();
        ByteBuffer allocation = version > 0 && in.hasRemaining() ? in.nullableBytes() : null;
        return new WorkerState(url, offset, allocation == null ? Assignment.empty() : AssignmentCodec.decode(allocation));
    }

    /**
     * The protocols a member offers, most preferred first: its configured mode and every older one, each
     * with metadata in that protocol's own version, so a group of mixed modes still finds a common one.
     */
    public static JoinGroupRequestProtocolCollection protocols(WorkerState state, ConnectProtocolVersion mode) {
        List<JoinGroupRequestProtocol> offered = new ArrayList<>();
        for (int version = mode.version(); version >= 0; version--) {
            ConnectProtocolVersion protocol = ConnectProtocolVersion.fromVersion((short) version);
            ByteBuffer metadata = encode(state, protocol);
            byte[] bytes = new byte[metadata.remaining()];
            metadata.get(bytes);
            offered.add(new JoinGroupRequestProtocol().setName(protocol.protocolName()).setMetadata(bytes));
        }
        return new JoinGroupRequestProtocolCollection(offered.iterator());
    }
}
