package io.tributary.connect.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Logback file the launch scripts use must load cleanly: a broken one silently logs everything at DEBUG. */
class ShippedLoggingConfigTest {

    private static final Path CONFIG = Path.of(System.getProperty("tributary.home", ".."), "config", "connect-logback.xml");

    @TempDir
    Path logDir;

    @Test
    void connectLogbackXmlLoadsWithoutErrorsAndSetsTheDocumentedLevels() throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("tributary.log.dir", logDir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);

        configurator.doConfigure(CONFIG.toFile());

        assertThat(context.getStatusManager().getCopyOfStatusList())
                .filteredOn(status -> status.getEffectiveLevel() >= Status.WARN)
                .isEmpty();
        assertThat(context.getLogger("ROOT").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.apache.kafka").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.apache.kafka.connect").getLevel()).isEqualTo(Level.INFO);
        context.stop();
    }
}
