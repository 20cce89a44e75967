package io.tributary.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected answers were recorded by asking Apache Kafka Connect 4.1.1's runtime about each name. */
class IsolationRuleTest {

    @ParameterizedTest(name = "{0} is taken from the parent")
    @CsvSource({
            "java.lang.String",
            "javax.net.ssl.SSLContext",
            "javax.security.auth.Subject",
            "javax.ws.rs.core.Response",
            "javax.xml.bind.JAXBContext",
            "javax.servlet.Filter",
            "javax.enterprise.context.ApplicationScoped",
            "org.w3c.dom.Node",
            "org.xml.sax.Parser",
            "org.omg.CORBA.ORB",
            "org.slf4j.Logger",
            "org.apache.kafka.common.config.ConfigDef",
            "org.apache.kafka.clients.producer.KafkaProducer",
            "org.apache.kafka.common.config.provider.ConfigProvider",
            "org.apache.kafka.connect.connector.Connector",
            "org.apache.kafka.connect.source.SourceConnector",
            "org.apache.kafka.connect.data.Struct",
            "org.apache.kafka.connect.storage.Converter",
            "org.apache.kafka.connect.storage.StringConverterConfig",
            "org.apache.kafka.connect.storage.StringConverter$Nested",
            "org.apache.kafka.connect.transforms.Transformation",
            "org.apache.kafka.connect.transforms.predicates.Predicate",
            "org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy",
            "org.apache.kafka.connect.rest.ConnectRestExtension",
            "org.apache.kafka.connect.rest.basic.auth.extension.JaasBasicAuthFilter",
            "org.apache.kafka.connect.health.ConnectClusterState",
            "org.apache.kafka.connect.util.ConnectorUtils",
            "org.apache.kafka.connect.components.Versioned",
            "org.apache.kafka.connect.runtime.Worker",
            "org.apache.kafka.connect.runtime.ConnectorConfig",
            "org.apache.kafka.connect.util.KafkaBasedLog",
            "org.apache.kafka.connect.util.TopicAdmin$NewTopicBuilder",
            "org.apache.kafka.connect.util.Callback",
            "org.apache.kafka.connect.filex.Other",
    })
    void sharedClassesComeFromTheParent(String className) {
        assertThat(IsolationRule.loadsInIsolation(className)).isFalse();
    }

    @ParameterizedTest(name = "{0} is looked up in the plugin first")
    @CsvSource({
            "com.example.MyConnector",
            "io.tributary.connect.Anything",
            "jakarta.ws.rs.core.Response",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "ch.qos.logback.classic.Logger",
            "org.apache.logging.log4j.Logger",
            "javax.smartcardio.Card",
            "javax.cache.Cache",
            "org.slf4jx.Logger",
            "org.apache.kafka.connect.file.FileStreamSourceConnector",
            "org.apache.kafka.connect.json.JsonConverter",
            "org.apache.kafka.connect.converters.ByteArrayConverter",
            "org.apache.kafka.connect.mirror.MirrorSourceConnector",
            "org.apache.kafka.connect.mirror.MirrorCheckpointTask",
            "org.apache.kafka.connect.mirror.MirrorClient",
            "org.apache.kafka.connect.mirror.ReplicationPolicy",
            "org.apache.kafka.connect.storage.StringConverter",
            "org.apache.kafka.connect.storage.SimpleHeaderConverter",
            "org.apache.kafka.connect.transforms.InsertField$Value",
            "org.apache.kafka.connect.transforms.util.SimpleConfig",
            "org.apache.kafka.connect.transforms.predicates.HasHeaderKey",
            "org.apache.kafka.connect.transforms.predicates.Predicate$Nested",
            "org.apache.kafka.common.config.provider.FileConfigProvider",
            "org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy",
            "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension",
    })
    void pluginImplementationsAreIsolated(String className) {
        assertThat(IsolationRule.loadsInIsolation(className)).isTrue();
    }
}
