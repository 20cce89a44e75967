package io.tributary.connect.mirror;

import io.tributary.connect.cli.ConnectStandalone;
import io.tributary.connect.cli.PropertiesFile;
import io.tributary.connect.cli.StartupException;
import io.tributary.connect.rest.resources.RestVersion;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/connect-mirror-maker.sh mm2.properties [--clusters A B]}: one node of a dedicated MirrorMaker 2
 * cluster. Exit codes are MirrorMaker 2's: 255 for a wrong command line, 2 for settings it cannot run with (or a
 * flow whose worker cannot be built: a bad worker setting, a target cluster it cannot reach), 3 for anything else
 * that stops it from starting.
 */
public final class ConnectMirrorMaker {

    static final int USAGE_EXIT_CODE = 255;
    static final int CONFIG_EXIT_CODE = 2;
    static final int START_EXIT_CODE = 3;
    static final String USAGE = "Usage: connect-mirror-maker.sh [-daemon] mm2.properties [--clusters CLUSTER [CLUSTER ...]]\n"
            + "  mm2.properties       the MirrorMaker 2 configuration file\n"
            + "  --clusters CLUSTER   run only the flows into these target clusters on this node";

    private static final Logger log = LoggerFactory.getLogger(ConnectMirrorMaker.class);

    private ConnectMirrorMaker() {
    }

    /** The command line: the file and the target clusters (empty for all). */
    record Arguments(Path config, List<String> clusters) {

        /** @throws IllegalArgumentException saying what is wrong with the command line */
        static Arguments parse(String[] args) {
            Path config = null;
            List<String> clusters = new ArrayList<>();
            boolean clustersGiven = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--clusters")) {
                    clustersGiven = true;
                    while (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        clusters.add(args[++i]);
                    }
                    if (clusters.isEmpty()) {
                        throw new IllegalArgumentException("--clusters needs at least one cluster alias");
                    }
                } else if (args[i].startsWith("-")) {
                    throw new IllegalArgumentException("Unknown option " + args[i]);
                } else if (config == null) {
                    config = Path.of(args[i]);
                } else {
                    throw new IllegalArgumentException("Unexpected argument " + args[i]
                            + (clustersGiven ? "" : " (name target clusters with --clusters)"));
                }
            }
            if (config == null) {
                throw new IllegalArgumentException("The MirrorMaker 2 configuration file is missing");
            }
            if (!Files.isReadable(config)) {
                throw new IllegalArgumentException("Cannot read the configuration file " + config);
            }
            return new Arguments(config, clusters);
        }
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println(USAGE);
            return;
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(USAGE);
            System.err.println("connect-mirror-maker: error: " + e.getMessage());
            System.exit(USAGE_EXIT_CODE);
            return;
        }
        ConnectStandalone.routeJulToSlf4j();
        log.info("Tributary {} MirrorMaker 2 (Kafka {} compatible) initializing", RestVersion.tributaryVersion(),
                RestVersion.version());
        MirrorMaker node;
        try {
            node = start(arguments);
        } catch (StartFailure e) {
            System.exit(e.exitCode);
            return;
        }
        try {
            node.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the node and registers its shutdown; 0 when it runs, else the exit code for what went wrong. */
    static int run(Arguments arguments) {
        try {
            start(arguments);
            return 0;
        } catch (StartFailure e) {
            return e.exitCode;
        }
    }

    /** Starts the node and registers its shutdown, or logs what went wrong and throws its exit code. */
    private static MirrorMaker start(Arguments arguments) {
        Map<String, String> props;
        try {
            props = PropertiesFile.read(arguments.config());
        } catch (IOException e) {
            log.error("Could not read the MirrorMaker 2 configuration {}: {}", arguments.config(), e.getMessage());
            throw new StartFailure(CONFIG_EXIT_CODE);
        }
        try {
            MirrorMaker node = MirrorMaker.start(props, arguments.clusters());
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "mirror-maker-shutdown"));
            return node;
        } catch (ConfigException e) {
            log.error("Invalid MirrorMaker 2 configuration in {}: {}", arguments.config(), e.getMessage());
            log.error("Stopping after this error (exit code {})", CONFIG_EXIT_CODE);
            throw new StartFailure(CONFIG_EXIT_CODE);
        } catch (StartupException e) {
            // A flow's worker config or its target cluster, found wanting while the herders are built: MirrorMaker 2
            // meets these in its constructor, before starting, and exits with 2 for them.
            log.error("Failed to start MirrorMaker 2: {}", e.getMessage());
            log.debug("Startup failure detail", e);
            log.error("Stopping after this error (exit code {})", e.exitCode());
            throw new StartFailure(e.exitCode());
        } catch (RuntimeException e) {
            log.error("Failed to start MirrorMaker 2", e);
            throw new StartFailure(START_EXIT_CODE);
        }
    }

    /** The node did not start; what went wrong is logged already. */
    private static final class StartFailure extends RuntimeException {

        private final int exitCode;

        StartFailure(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }
}
