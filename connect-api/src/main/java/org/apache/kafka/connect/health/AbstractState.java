package org.apache.kafka.connect.health;

import java.util.Objects;

/** The state of a connector or task as reported to REST extensions. */
public abstract class AbstractState {

    private final String state;
    private final String traceMessage;
    private final String workerId;

    /**
     * @param state        the state name, e.g. RUNNING; required
     * @param workerId     the worker running the connector or task; required
     * @param traceMessage the error trace when failed, otherwise may be null
     */
    public AbstractState(String state, String workerId, String traceMessage) {
        if (isBlank(state)) {
            throw new IllegalArgumentException("State must not be null or empty");
        }
        if (isBlank(workerId)) {
            throw new IllegalArgumentException("Worker ID must not be null or empty");
        }
        this.state = state;
        this.workerId = workerId;
        this.traceMessage = traceMessage;
    }

    public String state() {
        return state;
    }

    public String workerId() {
        return workerId;
    }

    public String traceMessage() {
        return traceMessage;
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        AbstractState that = (AbstractState) o;
        return state.equals(that.state)
                && Objects.equals(traceMessage, that.traceMessage)
                && workerId.equals(that.workerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, traceMessage, workerId);
    }
}
