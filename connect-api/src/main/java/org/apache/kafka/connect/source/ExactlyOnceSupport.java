package org.apache.kafka.connect.source;

/** A source connector's answer to whether it can deliver exactly once with a given config. */
public enum ExactlyOnceSupport {
    SUPPORTED,
    UNSUPPORTED
}
