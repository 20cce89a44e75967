package io.tributary.connect.errors;

import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.config.ToleranceType;

/**
 * A connector's {@code errors.*} settings.
 *
 * @param retryTimeoutMs   how long retriable failures are retried: 0 never, -1 forever
 * @param maxRetryDelayMs  the longest pause between two attempts
 * @param tolerateAll      whether failed records are skipped ({@code all}) rather than failing the task
 * @param logErrors        whether failures are logged
 * @param logRecords       whether the log names the failed record
 */
public record ErrorHandlingSettings(long retryTimeoutMs, long maxRetryDelayMs, boolean tolerateAll,
                                    boolean logErrors, boolean logRecords) {

    /** No retries, no tolerance, no logging: what a connector gets without errors.* settings. */
    public static final ErrorHandlingSettings DEFAULTS = new ErrorHandlingSettings(0, 60_000, false, false, false);

    public static ErrorHandlingSettings of(ConnectorConfig config) {
        return new ErrorHandlingSettings(config.errorRetryTimeout(), config.errorMaxDelayInMillis(),
                config.errorToleranceType() == ToleranceType.ALL, config.enableErrorLog(),
                config.includeRecordDetailsInErrorLog());
    }
}
