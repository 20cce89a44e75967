package io.tributary.connect.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link KafkaBroker} into test constructors and methods (including {@code @BeforeAll}).
 * One single-node cluster serves every test class of the run: it starts on first use and lives in
 * the root extension context's store, so JUnit closes it when the whole run ends.
 *
 * <pre>{@code
 * @ExtendWith(KafkaBrokerExtension.class)
 * class MyTest {
 *     @Test
 *     void works(KafkaBroker kafka) { kafka.createTopic("t"); ... }
 * }
 * }</pre>
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    private static final String SHARED_CLUSTER = "shared-cluster";

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public KafkaBroker resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sharedCluster(extensionContext).broker();
    }

    /** The cluster shared by the whole run, started if this is its first use. */
    public static KafkaCluster sharedCluster(ExtensionContext context) {
        // The root store outlives every test class and closes AutoCloseable values at the end.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SHARED_CLUSTER, key -> KafkaCluster.startSingleNode(), KafkaCluster.class);
    }
}
