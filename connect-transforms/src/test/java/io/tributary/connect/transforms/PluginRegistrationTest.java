package io.tributary.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.apache.kafka.connect.transforms.predicates.HasHeaderKey;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.apache.kafka.connect.transforms.predicates.RecordIsTombstone;
import org.apache.kafka.connect.transforms.predicates.TopicNameMatches;
import org.junit.jupiter.api.Test;

class PluginRegistrationTest {

    @Test
    void predicatesAreDiscoverableThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(Predicate.class).stream().map(ServiceLoader.Provider::type))
                .contains(HasHeaderKey.class, RecordIsTombstone.class, TopicNameMatches.class);
    }

    @Test
    void pluginsReportTheBuildVersionOfTributary() {
        Versioned plugin = new RegexRouter<>();

        assertThat(plugin.version()).isEqualTo(TransformsVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
