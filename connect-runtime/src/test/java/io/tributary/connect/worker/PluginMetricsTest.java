package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import io.tributary.connect.worker.metered.MeteredConverter;
import io.tributary.connect.worker.metered.MeteredHeaderConverter;
import io.tributary.connect.worker.metered.MeteredPredicate;
import io.tributary.connect.worker.metered.MeteredSinkConnector;
import io.tributary.connect.worker.metered.MeteredSourceConnector;
import io.tributary.connect.worker.metered.MeteredTransformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * KIP-877 on a real standalone worker: connectors, tasks, converters, transformations and predicates register
 * metrics of their own, which JMX shows under {@code kafka.connect:type=plugins} with the tags Kafka Connect
 * 4.1.1 gives them (observed by running it with these same test plugins), and which go when their owner goes.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PluginMetricsTest {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;

    @Test
    void aConnectorRegistersAMetricTaggedWithItsNameThatGoesWhenItIsDeleted(KafkaBroker kafka) throws Exception {
        kafka.createTopic("pm-connector");
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("pm-connector", source("pm-connector", Map.of()));

            ObjectName connector = name("kafka.connect:type=plugins,connector=pm-connector");
            awaitAttribute(connector, "connector-starts", 1.0);
            assertThat(worker.herder.connectorStatus("pm-connector").connector().state()).isEqualTo("RUNNING");

            delete(worker, "pm-connector");
            await().atMost(PipelineWorker.WAIT).until(() -> registered("pm-connector").isEmpty());
        }
    }

    @Test
    void aSourceTaskAndItsConvertersTransformationAndPredicateRegisterUnderTheirRoles(KafkaBroker kafka)
            throws Exception {
        kafka.createTopic("pm-source");
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("pm-source", source("pm-source", meteredPipeline()));

            String task = "kafka.connect:type=plugins,connector=pm-source,task=0";
            awaitAttribute(name(task), "records-polled", 3.0);
            for (String role : new String[] {"converter=key", "converter=value", "converter=header"}) {
                awaitAttribute(name(task + "," + role), "conversions", 3.0);
                assertThat(JMX.getAttribute(name(task + "," + role), "configured-before-metrics")).isEqualTo(1.0);
            }
            awaitAttribute(name(task + ",transformation=mark"), "records-transformed", 3.0);
            awaitAttribute(name(task + ",predicate=all"), "records-tested", 3.0);
            assertThat(JMX.getAttribute(name(task + ",transformation=mark"), "configured-before-metrics"))
                    .isEqualTo(1.0);
            assertThat(JMX.getAttribute(name(task + ",predicate=all"), "configured-before-metrics")).isEqualTo(1.0);
            assertThat(registered("pm-source")).containsExactlyInAnyOrder(
                    "kafka.connect:type=plugins,connector=pm-source",
                    task,
                    task + ",converter=key",
                    task + ",converter=value",
                    task + ",converter=header",
                    task + ",transformation=mark",
                    task + ",predicate=all");

            delete(worker, "pm-source");
            await().atMost(PipelineWorker.WAIT).until(() -> registered("pm-source").isEmpty());
        }
    }

    @Test
    void aSinkTaskAndItsConvertersRegisterUnderTheirRoles(KafkaBroker kafka) throws Exception {
        kafka.createTopic("pm-sink");
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("pm-sink-source", source("pm-sink", Map.of()));
            Map<String, String> sink = new HashMap<>(meteredPipeline());
            sink.put("connector.class", MeteredSinkConnector.class.getName());
            sink.put("tasks.max", "1");
            sink.put("topics", "pm-sink");
            worker.put("pm-sink", sink);

            String task = "kafka.connect:type=plugins,connector=pm-sink,task=0";
            awaitAttribute(name("kafka.connect:type=plugins,connector=pm-sink"), "connector-starts", 1.0);
            awaitAttribute(name(task), "records-put", 3.0);
            awaitAttribute(name(task + ",converter=value"), "conversions", 3.0);
            awaitAttribute(name(task + ",converter=header"), "conversions", 3.0);
            awaitAttribute(name(task + ",transformation=mark"), "records-transformed", 3.0);

            delete(worker, "pm-sink");
            await().atMost(PipelineWorker.WAIT).until(() -> registered("pm-sink").isEmpty());
            assertThat(registered("pm-sink-source")).isNotEmpty();
        }
    }

    @Test
    void aStoppedConnectorKeepsItsOwnMetricsWhileItsTasksMetricsGo(KafkaBroker kafka) throws Exception {
        kafka.createTopic("pm-stop");
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("pm-stop", source("pm-stop", meteredPipeline()));
            ObjectName connector = name("kafka.connect:type=plugins,connector=pm-stop");
            String task = "kafka.connect:type=plugins,connector=pm-stop,task=0";
            awaitAttribute(name(task), "records-polled", 3.0);

            worker.herder.stopConnector(RequestContext.CLIENT, "pm-stop").get(60, TimeUnit.SECONDS);
            await().atMost(PipelineWorker.WAIT).until(() -> registered("pm-stop").equals(Set.of(connector.toString())));

            // The same connector instance starts again, so its counter goes on.
            worker.herder.resumeConnector("pm-stop").get(60, TimeUnit.SECONDS);
            awaitAttribute(connector, "connector-starts", 2.0);
            awaitAttribute(name(task), "records-polled", 3.0);
        }
    }

    @Test
    void aRestartedConnectorRegistersAFreshAsANewInstance(KafkaBroker kafka) throws Exception {
        kafka.createTopic("pm-restart");
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("pm-restart", source("pm-restart", Map.of()));
            ObjectName connector = name("kafka.connect:type=plugins,connector=pm-restart");
            awaitAttribute(connector, "connector-starts", 1.0);
            worker.herder.pauseConnector("pm-restart").get(60, TimeUnit.SECONDS);
            worker.herder.resumeConnector("pm-restart").get(60, TimeUnit.SECONDS);
            awaitAttribute(connector, "connector-starts", 2.0);

            // The old instance's metrics are removed before the new one registers its own.
            worker.herder.restartConnector(RequestContext.CLIENT, "pm-restart").get(60, TimeUnit.SECONDS);
            awaitAttribute(connector, "connector-starts", 1.0);
        }
    }

    private static Map<String, String> source(String topic, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(extra);
        config.put("connector.class", MeteredSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topic", topic);
        config.put("records", "3");
        return config;
    }

    private static Map<String, String> meteredPipeline() {
        return Map.of(
                "key.converter", MeteredConverter.class.getName(),
                "value.converter", MeteredConverter.class.getName(),
                "header.converter", MeteredHeaderConverter.class.getName(),
                "transforms", "mark",
                "transforms.mark.type", MeteredTransformation.class.getName(),
                "transforms.mark.predicate", "all",
                "predicates", "all",
                "predicates.all.type", MeteredPredicate.class.getName());
    }

    private static void delete(PipelineWorker worker, String connector) throws Exception {
        worker.herder.deleteConnectorConfig(RequestContext.CLIENT, connector).get(60, TimeUnit.SECONDS);
    }

    private static void awaitAttribute(ObjectName name, String attribute, double value) {
        await().atMost(PipelineWorker.WAIT).untilAsserted(() -> {
            assertThat(JMX.isRegistered(name)).as("%s is registered", name).isTrue();
            assertThat(JMX.getAttribute(name, attribute)).as("%s %s", name, attribute).isEqualTo(value);
        });
    }

    /**
     * The plugin metric MBeans of one connector, its tasks' and their plugins' included, each named with its keys
     * in the order they were registered in (as JMX tools show them).
     */
    private static Set<String> registered(String connector) throws Exception {
        Set<String> names = new TreeSet<>();
        JMX.queryNames(name("kafka.connect:type=plugins,connector=" + connector + ",*"), null)
                .forEach(found -> names.add(found.toString()));
        return names;
    }

    private static ObjectName name(String name) throws Exception {
        return new ObjectName(name);
    }
}
