package io.tributary.connect.cli;

import io.tributary.connect.rest.resources.RestVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code bin/connect-distributed.sh worker.properties}: one worker of a Connect cluster. Connectors are
 * created through the REST API of any worker; configs, offsets and statuses live in Kafka topics.
 */
public final class ConnectDistributed {

    private static final Logger log = LoggerFactory.getLogger(ConnectDistributed.class);

    private ConnectDistributed() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].equals("-h") || args[0].equals("--help")) {
            System.err.println("Usage: connect-distributed.sh [-daemon] connect-distributed.properties");
            System.exit(1);
        }
        ConnectStandalone.routeJulToSlf4j();
        log.info("Tributary {} (Kafka Connect {} compatible) starting in distributed mode",
                RestVersion.tributaryVersion(), RestVersion.version());
        try {
            Map<String, String> workerProps = readWorkerProps(Path.of(args[0]));
            DistributedWorker worker = DistributedWorker.start(workerProps);
            Runtime.getRuntime().addShutdownHook(new Thread(worker::stop, "tributary-shutdown"));
        } catch (StartupException e) {
            log.error("{}", e.getMessage());
            log.debug("Startup failure detail", e);
            log.error("Stopping after this error (exit code {})", e.exitCode());
            System.exit(e.exitCode());
        } catch (RuntimeException e) {
            log.error("Stopping after an unexpected error", e);
            System.exit(StartupException.WORKER_EXIT_CODE);
        }
    }

    private static Map<String, String> readWorkerProps(Path file) {
        try {
            return PropertiesFile.read(file);
        } catch (IOException e) {
            throw StartupException.worker("Could not read the worker config " + file + ": " + e.getMessage(), e);
        }
    }
}
