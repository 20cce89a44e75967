package io.tributary.connect.cli;

import io.tributary.connect.rest.resources.RestVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/connect-standalone.sh worker.properties [connector.properties|connector.json ...]}:
 * one worker process running the given connectors, with offsets in a local file.
 */
public final class ConnectStandalone {

    private static final Logger log = LoggerFactory.getLogger(ConnectStandalone.class);

    private ConnectStandalone() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args[0].equals("-h") || args[0].equals("--help")) {
            System.err.println("Usage: connect-standalone.sh [-daemon] worker.properties "
                    + "[connector1.properties connector2.json ...]");
            System.exit(1);
        }
        routeJulToSlf4j();
        log.info("Tributary {} (Kafka Connect {} compatible) starting in standalone mode",
                RestVersion.tributaryVersion(), RestVersion.version());
        StandaloneWorker worker = null;
        try {
            Map<String, String> workerProps = readWorkerProps(Path.of(args[0]));
            List<ConnectorFile> connectors = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                connectors.add(ConnectorFile.read(Path.of(args[i])));
            }
            worker = StandaloneWorker.start(workerProps);
            StandaloneWorker started = worker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "tributary-shutdown"));
            for (ConnectorFile connector : connectors) {
                worker.createConnector(connector);
            }
        } catch (StartupException e) {
            log.error("{}", e.getMessage());
            log.debug("Startup failure detail", e);
            log.error("Stopping after this error (exit code {})", e.exitCode());
            if (worker != null) {
                worker.stop();
            }
            System.exit(e.exitCode());
        } catch (RuntimeException e) {
            log.error("Stopping after an unexpected error", e);
            if (worker != null) {
                worker.stop();
            }
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

    /** Jersey and parts of Jetty log through java.util.logging; send that to Logback with the rest. */
    public static void routeJulToSlf4j() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
