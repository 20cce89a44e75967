package org.apache.kafka.connect.source;

/** A source connector's answer to whether its tasks can define their own transaction boundaries. */
public enum ConnectorTransactionBoundaries {
    SUPPORTED,
    UNSUPPORTED
}
