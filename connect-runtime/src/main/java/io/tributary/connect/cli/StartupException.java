package io.tributary.connect.cli;

/**
 * A startup failure the user must fix, with the process exit code Apache Kafka Connect uses for
 * it: 2 for the worker's own configuration, 3 for a connector given on the command line.
 */
public final class StartupException extends RuntimeException {

    public static final int WORKER_EXIT_CODE = 2;
    public static final int CONNECTOR_EXIT_CODE = 3;

    private final int exitCode;

    private StartupException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static StartupException worker(String message, Throwable cause) {
        return new StartupException(message, cause, WORKER_EXIT_CODE);
    }

    public static StartupException connector(String message, Throwable cause) {
        return new StartupException(message, cause, CONNECTOR_EXIT_CODE);
    }

    public int exitCode() {
        return exitCode;
    }
}
