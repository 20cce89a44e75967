package io.tributary.connect.distributed;

import java.util.Locale;

/**
 * The sub-protocols a worker may speak in its group, chosen with {@code connect.protocol}. Each newer
 * mode also offers the older ones in JoinGroup so the group settles on what every member supports.
 */
public enum ConnectProtocolVersion {
    /** Stop-the-world: every rebalance revokes everything, then hands everything out again. */
    EAGER("eager", "default", (short) 0),
    /** Incremental cooperative rebalancing (KIP-415): only work that moves is revoked. */
    COMPATIBLE("compatible", "compatible", (short) 1),
    /** Cooperative, plus session keys so followers can verify requests forwarded by the leader. */
    SESSIONED("sessioned", "sessioned", (short) 2);

    private final String configValue;
    private final String protocolName;
    private final short version;

    ConnectProtocolVersion(String configValue, String protocolName, short version) {
        this.configValue = configValue;
        this.protocolName = protocolName;
        this.version = version;
    }

    /** The value of {@code connect.protocol} that selects this mode. */
    public String configValue() {
        return configValue;
    }

    /** The protocol name this mode is offered under in JoinGroup. */
    public String protocolName() {
        return protocolName;
    }

    public short version() {
        return version;
    }

    public boolean cooperative() {
        return this != EAGER;
    }

    /** Parses a {@code connect.protocol} value, ignoring case. */
    public static ConnectProtocolVersion fromConfig(String value) {
        for (ConnectProtocolVersion mode : values()) {
            if (mode.configValue.equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown Connect protocol compatibility mode: " + value);
    }

    /** The mode a group elected, from the protocol name the coordinator chose (exact match, as on the wire). */
    public static ConnectProtocolVersion fromProtocolName(String name) {
        for (ConnectProtocolVersion mode : values()) {
            if (mode.protocolName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown Connect protocol name: " + name);
    }

    public static ConnectProtocolVersion fromVersion(short version) {
        for (ConnectProtocolVersion mode : values()) {
            if (mode.version == version) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown Connect protocol version: " + version);
    }

    @Override
    public String toString() {
        return configValue.toLowerCase(Locale.ROOT);
    }
}
