package io.tributary.connect.herder;

import ch.qos.logback.classic.Level;
import io.tributary.connect.logging.LoggerLevels;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies log levels read from the config topic (KIP-976 cluster scope) to this worker, once the worker has
 * started and attached its levels: records read before then are history and, as in Kafka Connect, ignored.
 */
final class ClusterLoggerLevels {

    private static final Logger log = LoggerFactory.getLogger(ClusterLoggerLevels.class);

    private volatile LoggerLevels levels;

    void attach(LoggerLevels levels) {
        this.levels = levels;
    }

    void apply(String namespace, String level) {
        LoggerLevels current = levels;
        if (current == null) {
            log.debug("Ignoring the log level {} for {} written to the config topic before this worker started",
                    level, namespace);
            return;
        }
        Optional<Level> parsed = level == null ? Optional.empty() : LoggerLevels.parseLevel(level);
        if (parsed.isEmpty()) {
            log.warn("Ignoring the invalid log level '{}' for {} read from the config topic", level, namespace);
            return;
        }
        current.set(namespace, parsed.get());
        log.info("Log level of {} set to {} for the whole cluster", namespace, parsed.get());
    }
}
