package io.tributary.connect.model;

/** The states a connector or task instance reports, with Apache's names (they reach the status topic). */
public enum State {
    UNASSIGNED,
    RUNNING,
    PAUSED,
    STOPPED,
    FAILED,
    RESTARTING,
    /** Internal: the instance was removed; never shown to users. */
    DESTROYED
}
