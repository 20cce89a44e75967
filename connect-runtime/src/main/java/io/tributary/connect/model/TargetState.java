package io.tributary.connect.model;

/** What a user asked a connector to be: running, paused (tasks idle) or stopped (no tasks at all). */
public enum TargetState {
    STARTED,
    PAUSED,
    STOPPED
}
