package io.tributary.connect.metrics;

import io.tributary.connect.ManualTime;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusExpositionTest {

    private static final String DOMAIN = ConnectMetrics.JMX_PREFIX;

    private final List<Metrics> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Metrics::close);
    }

    @Test
    void theIssueExampleComesOutExactly() {
        Metrics registry = registry();
        number(registry, "source-record-poll-total", "source-task-metrics", 100, "connector", "src", "task", "0");

        assertThat(render(registry).lines()).contains(
                "kafka_connect_source_task_metrics_source_record_poll_total{connector=\"src\",task=\"0\"} 100");
    }

    @Test
    void namesFollowTheExporterDefaultRuleLowerCased() {
        assertThat(PrometheusNames.metricName(DOMAIN, "connect-worker-metrics", "connector-count"))
                .isEqualTo("kafka_connect_connect_worker_metrics_connector_count");
        assertThat(PrometheusNames.metricName(DOMAIN, "My--Group", "Attr.Name"))
                .as("unsafe characters become one underscore, and the name is lower-cased")
                .isEqualTo("kafka_connect_my_group_attr_name");
        assertThat(PrometheusNames.labelName("client-id")).isEqualTo("client_id");
    }

    @Test
    void nameAndLabelsAreThoseTheJmxExporterReadsFromTheMBeanKafkaRegisters() throws Exception {
        Metrics registry = new Metrics(new MetricConfig(), List.of(new JmxReporter()), new ManualTime(),
                new KafkaMetricsContext(DOMAIN));
        opened.add(registry);
        number(registry, "record-count", "prometheus-test-metrics", 3, "connector", "host:8083", "task", "0");

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> beans = server.queryNames(new ObjectName(DOMAIN + ":type=prometheus-test-metrics,*"), null);
        assertThat(beans).hasSize(1);
        ObjectName bean = beans.iterator().next();
        // The exporter: domain, the first key's value and the attribute for the name; the other keys as labels,
        // their values as written in the MBean name (Kafka quotes a value with a colon).
        String expectedName = PrometheusNames.safeName(bean.getDomain() + "_" + bean.getKeyProperty("type")
                + "_record-count").toLowerCase();
        assertThat(bean.getKeyPropertyListString()).startsWith("type=");
        assertThat(bean.getKeyProperty("connector")).isEqualTo("\"host:8083\"");
        assertThat(render(registry).lines()).contains(expectedName + "{connector=\"\\\"host:8083\\\"\",task=\"0\"} 3");
    }

    @Test
    void labelValuesAreEscapedForTheTextFormat() {
        assertThat(PrometheusExposition.escapeLabelValue("a\\b\"c\nd")).isEqualTo("a\\\\b\\\"c\\nd");
        assertThat(PrometheusExposition.escapeLabelValue("plain-name")).isEqualTo("plain-name");
    }

    @Test
    void aQuotedJmxValueIsEscapedOnce() {
        Metrics registry = registry();
        number(registry, "x", "escape-metrics", 1, "connector", "say \"hi\"");

        // JMX form: "say \"hi\"" (quoted, inner quotes escaped); then each \ and " escaped for the text format.
        assertThat(render(registry).lines())
                .contains("kafka_connect_escape_metrics_x{connector=\"\\\"say \\\\\\\"hi\\\\\\\"\\\"\"} 1");
    }

    @Test
    void stringsAreSkippedAndBooleansAreOneOrZero() {
        Metrics registry = registry();
        gauge(registry, "connector-class", "connector-metrics", "org.example.Source", "connector", "c");
        gauge(registry, "enabled", "flag-metrics", true);
        gauge(registry, "disabled", "flag-metrics", false);

        String text = render(registry);

        assertThat(text).doesNotContain("connector_class");
        assertThat(text.lines()).contains("kafka_connect_flag_metrics_enabled 1", "kafka_connect_flag_metrics_disabled 0");
    }

    @Test
    void connectorAndTaskStatusBecomeOneGaugePerState() {
        Metrics registry = registry();
        gauge(registry, "status", "connector-metrics", "running", "connector", "c");
        gauge(registry, "status", "connector-task-metrics", "failed", "connector", "c", "task", "1");

        List<String> lines = render(registry).lines().toList();

        assertThat(lines).contains("# TYPE kafka_connect_connector_metrics_status gauge",
                "kafka_connect_connector_metrics_status{connector=\"c\",status=\"running\"} 1",
                "kafka_connect_connector_metrics_status{connector=\"c\",status=\"failed\"} 0",
                "kafka_connect_connector_metrics_status{connector=\"c\",status=\"paused\"} 0",
                "kafka_connect_connector_metrics_status{connector=\"c\",status=\"stopped\"} 0",
                "kafka_connect_connector_metrics_status{connector=\"c\",status=\"unassigned\"} 0",
                "kafka_connect_connector_metrics_status{connector=\"c\",status=\"restarting\"} 0",
                "kafka_connect_connector_task_metrics_status{connector=\"c\",task=\"1\",status=\"failed\"} 1",
                "kafka_connect_connector_task_metrics_status{connector=\"c\",task=\"1\",status=\"running\"} 0");
        assertThat(lines).filteredOn(line -> line.startsWith("kafka_connect_connector_metrics_status{"))
                .hasSize(PrometheusExposition.STATES.size());
    }

    @Test
    void aStateOutsideTheKnownOnesStillShowsAsOne() {
        Metrics registry = registry();
        gauge(registry, "status", "connector-metrics", "degraded", "connector", "c");

        assertThat(render(registry).lines())
                .contains("kafka_connect_connector_metrics_status{connector=\"c\",status=\"degraded\"} 1")
                .contains("kafka_connect_connector_metrics_status{connector=\"c\",status=\"running\"} 0");
    }

    @Test
    void everyFamilyHasHelpFromTheDescriptionAndTheExportersUntypedType() {
        Metrics registry = registry();
        number(registry, "connector-count", "connect-worker-metrics", 2);

        assertThat(render(registry)).contains("""
                # HELP kafka_connect_connect_worker_metrics_connector_count description of connector-count
                # TYPE kafka_connect_connect_worker_metrics_connector_count untyped
                kafka_connect_connect_worker_metrics_connector_count 2
                """);
    }

    @Test
    void outputIsSortedByNameThenLabelsWhateverTheRegistrationOrder() {
        Metrics first = registry();
        number(first, "b", "z-metrics", 1, "task", "2");
        number(first, "a", "z-metrics", 1, "task", "10");
        number(first, "a", "z-metrics", 1, "task", "1");
        Metrics second = registry();
        number(second, "a", "z-metrics", 1, "task", "1");
        number(second, "b", "z-metrics", 1, "task", "2");
        number(second, "a", "z-metrics", 1, "task", "10");

        String text = render(first);

        assertThat(text).isEqualTo(render(second));
        assertThat(text.lines().filter(line -> !line.startsWith("#") && line.contains("z_metrics")).toList())
                .containsExactly("kafka_connect_z_metrics_a{task=\"1\"} 1", "kafka_connect_z_metrics_a{task=\"10\"} 1",
                        "kafka_connect_z_metrics_b{task=\"2\"} 1");
    }

    @Test
    void aMetricThatFailsToReadIsLeftOutAndTheRestRendered() {
        Metrics registry = registry();
        registry.addMetric(registry.metricName("broken", "odd-metrics"), (Measurable) (config, now) -> {
            throw new IllegalStateException("plugin bug");
        });
        number(registry, "fine", "odd-metrics", 5);

        String text = render(registry);

        assertThat(text).doesNotContain("broken");
        assertThat(text.lines()).contains("kafka_connect_odd_metrics_fine 5");
    }

    @Test
    void eachScrapeShowsTheMetricsRegisteredAtThatTime() {
        Metrics registry = registry();
        PrometheusExposition exposition = new PrometheusExposition(DOMAIN, List.of(registry));
        number(registry, "kept", "life-metrics", 1, "task", "0");
        number(registry, "removed", "life-metrics", 1, "task", "0");
        assertThat(exposition.render()).contains("kafka_connect_life_metrics_removed{task=\"0\"} 1");

        registry.removeMetric(registry.metricName("removed", "life-metrics", "", Map.of("task", "0")));
        number(registry, "added", "life-metrics", 2, "task", "0");
        String text = exposition.render();

        assertThat(text).doesNotContain("life_metrics_removed");
        assertThat(text.lines()).contains("kafka_connect_life_metrics_kept{task=\"0\"} 1",
                "kafka_connect_life_metrics_added{task=\"0\"} 2");
    }

    @Test
    void numbersAreWrittenAsTheFormatSpellsThem() {
        assertThat(PrometheusExposition.format(100.0)).isEqualTo("100");
        assertThat(PrometheusExposition.format(0.25)).isEqualTo("0.25");
        assertThat(PrometheusExposition.format(-3)).isEqualTo("-3");
        assertThat(PrometheusExposition.format(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusExposition.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusExposition.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(PrometheusExposition.format(1.5e20)).isEqualTo("1.5E20");
    }

    @Test
    void theRegistrysOwnMetricCountIsRendered() {
        Metrics registry = registry();

        assertThat(render(registry).lines()).anyMatch(line -> line.startsWith("kafka_connect_kafka_metrics_count_count "));
    }

    /** Not a test of speed (the machine is shared); prints how long a scrape of a large worker takes. */
    @Test
    void rendersFiveThousandMetrics() {
        Metrics registry = registry();
        for (int task = 0; task < 250; task++) {
            for (int metric = 0; metric < 20; metric++) {
                number(registry, "metric-" + metric + "-total", "sink-task-metrics", task * metric,
                        "connector", "connector-" + (task % 25), "task", Integer.toString(task));
            }
        }
        PrometheusExposition exposition = new PrometheusExposition(DOMAIN, List.of(registry));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long firstStart = threads.getCurrentThreadCpuTime();
        exposition.render();
        long first = threads.getCurrentThreadCpuTime() - firstStart;
        int rounds = 50;
        long start = threads.getCurrentThreadCpuTime();
        int length = 0;
        for (int i = 0; i < rounds; i++) {
            length += exposition.render().length();
        }
        // CPU time of this thread, so that other work on a shared machine does not count.
        long perScrape = (threads.getCurrentThreadCpuTime() - start) / rounds;
        System.out.printf("Rendering %d metrics: first scrape %d us CPU, then %d us CPU per scrape (%d bytes)%n",
                registry.metrics().size(), first / 1000, perScrape / 1000, length / rounds);
        assertThat(length / rounds).isPositive();
    }

    private Metrics registry() {
        Metrics registry = new Metrics(new MetricConfig(), List.of(), new ManualTime(), new KafkaMetricsContext(DOMAIN));
        opened.add(registry);
        return registry;
    }

    private static String render(Metrics registry) {
        return new PrometheusExposition(DOMAIN, List.of(registry)).render();
    }

    private static void number(Metrics registry, String name, String group, double value, String... tags) {
        registry.addMetric(name(registry, name, group, tags), (Measurable) (config, now) -> value);
    }

    private static void gauge(Metrics registry, String name, String group, Object value, String... tags) {
        registry.addMetric(name(registry, name, group, tags), (Gauge<Object>) (config, now) -> value);
    }

    private static MetricName name(Metrics registry, String name, String group, String... tags) {
        Map<String, String> tagMap = new LinkedHashMap<>();
        for (int i = 0; i < tags.length; i += 2) {
            tagMap.put(tags[i], tags[i + 1]);
        }
        return registry.metricName(name, group, "description of " + name, tagMap);
    }
}
