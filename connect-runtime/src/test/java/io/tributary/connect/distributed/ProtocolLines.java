package io.tributary.connect.distributed;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;

/** JoinGroup protocol offers as comparable text: one {@code name=hex} line per protocol, in order. */
final class ProtocolLines {

    private ProtocolLines() {
    }

    static List<String> of(JoinGroupRequestProtocolCollection protocols) {
        List<String> lines = new ArrayList<>();
        for (JoinGroupRequestProtocol protocol : protocols) {
            lines.add(protocol.name() + "=" + HexFormat.of().formatHex(protocol.metadata()));
        }
        return lines;
    }
}
