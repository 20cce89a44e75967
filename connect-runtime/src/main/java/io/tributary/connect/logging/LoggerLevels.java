package io.tributary.connect.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.tributary.connect.model.LoggerLevel;
import org.apache.kafka.common.utils.Time;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and changes Logback logger levels at run time for /admin/loggers, remembering when each
 * logger was last changed through it. Setting a level on a logger sets it on every existing
 * descendant too (as Kafka Connect does), so a namespace changes as a whole.
 */
public final class LoggerLevels {

    /** The name users give the root logger; Logback calls it "ROOT" and matches it case-insensitively. */
    public static final String ROOT = "root";

    private final Time time;
    private final Map<String, Long> lastModified = new ConcurrentHashMap<>();
    private volatile ClusterPublisher clusterPublisher = (namespace, level) -> false;

    /** Sends a cluster-scope level to every worker; false when there is no cluster (standalone). */
    @FunctionalInterface
    public interface ClusterPublisher {
        boolean publish(String namespace, String level);
    }

    /** @param time dates each change, as the last-modified time the API reports */
    public LoggerLevels(Time time) {
        this.time = time;
    }

    /** Every logger Logback knows, by name, with its effective level. */
    public SortedMap<String, LoggerLevel> all() {
        SortedMap<String, LoggerLevel> levels = new TreeMap<>();
        for (Logger logger : context().getLoggerList()) {
            levels.put(nameOf(logger), levelOf(logger));
        }
        return levels;
    }

    public Optional<LoggerLevel> get(String name) {
        return find(name).map(this::levelOf);
    }

    /**
     * Sets {@code level} on the named logger (created if needed) and its existing descendants; answers
     * the sorted names of those whose effective level actually changed.
     */
    public synchronized List<String> set(String name, Level level) {
        Logger target = isRoot(name) ? root() : context().getLogger(name);
        List<Logger> affected = new ArrayList<>();
        for (Logger logger : context().getLoggerList()) {
            if (logger == target || isDescendant(logger, target)) {
                affected.add(logger);
            }
        }
        Map<Logger, Level> before = new HashMap<>();
        affected.forEach(logger -> before.put(logger, logger.getEffectiveLevel()));
        affected.forEach(logger -> logger.setLevel(level));
        long now = time.milliseconds();
        List<String> changed = new ArrayList<>();
        for (Logger logger : affected) {
            if (!level.equals(before.get(logger))) {
                lastModified.put(nameOf(logger), now);
                changed.add(nameOf(logger));
            }
        }
        changed.sort(null);
        return changed;
    }

    public void publishClusterLevelsThrough(ClusterPublisher publisher) {
        this.clusterPublisher = publisher;
    }

    /**
     * Cluster scope: hands the level to every worker of the cluster (each applies it when it hears of it),
     * or, when there is no cluster, sets it here at once.
     */
    public void setForCluster(String name, String requested, Level level) {
        if (!clusterPublisher.publish(name, requested)) {
            set(name, level);
        }
    }

    /** Logback's levels plus FATAL, which Log4j users send and Logback folds into ERROR. */
    public static Optional<Level> parseLevel(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("FATAL")) {
            return Optional.of(Level.ERROR);
        }
        Level level = Level.toLevel(upper, null);
        return Optional.ofNullable(level);
    }

    private Optional<Logger> find(String name) {
        return isRoot(name) ? Optional.of(root()) : Optional.ofNullable(context().exists(name));
    }

    private LoggerLevel levelOf(Logger logger) {
        return new LoggerLevel(logger.getEffectiveLevel().toString(), lastModified.get(nameOf(logger)));
    }

    private static boolean isDescendant(Logger logger, Logger ancestor) {
        return ancestor.getName().equals(Logger.ROOT_LOGGER_NAME) || logger.getName().startsWith(ancestor.getName() + ".");
    }

    private static boolean isRoot(String name) {
        return Logger.ROOT_LOGGER_NAME.equalsIgnoreCase(name);
    }

    private static String nameOf(Logger logger) {
        return logger.getName().equals(Logger.ROOT_LOGGER_NAME) ? ROOT : logger.getName();
    }

    private Logger root() {
        return context().getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
