package io.tributary.connect.metrics;

import io.tributary.connect.model.State;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders metric registries in the Prometheus text format 0.0.4, named by {@link PrometheusNames}: one family per
 * name, sorted by name and then by labels so that two scrapes of an idle worker are byte for byte equal.
 *
 * <p>Values are what the JMX exporter would export: numbers, and booleans as 1 or 0; other values are skipped,
 * except the {@code status} attribute of {@code connector-metrics} and {@code connector-task-metrics}, which
 * becomes a gauge per state, e.g. {@code kafka_connect_connector_metrics_status{connector="x",status="running"} 1}
 * and 0 for every other state, so that an alert is a plain comparison. Families are {@code untyped}, as the
 * exporter's default rule makes them, except those state gauges.
 *
 * <p>Rendering takes no lock of its own and reads the registry's concurrent map as it iterates; reading a value
 * holds only that metric's sensor lock for the read, as a JMX read does. The names and labels of each metric are
 * kept from one scrape to the next (only for metrics still registered), so a scrape mostly reads values.
 */
public final class PrometheusExposition {

    /** The content type of the text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The groups whose string {@code status} attribute becomes state gauges. */
    static final Set<String> STATUS_GROUPS = Set.of("connector-metrics", "connector-task-metrics");
    static final String STATUS_ATTRIBUTE = "status";
    /** Every state a user can see, in lower case as the status attribute reports them. */
    static final List<String> STATES = Arrays.stream(State.values()).filter(state -> state != State.DESTROYED)
            .map(state -> state.name().toLowerCase(Locale.ROOT)).toList();

    private static final Logger log = LoggerFactory.getLogger(PrometheusExposition.class);

    private final String domain;
    private final List<Metrics> registries;
    /** Written at the end of each scrape with the metrics it saw; concurrent scrapes at worst name a metric twice. */
    private volatile Map<MetricName, Series> known = Map.of();

    /** @param domain the JMX domain the registries report under, {@link ConnectMetrics#JMX_PREFIX} for a worker */
    public PrometheusExposition(String domain, List<Metrics> registries) {
        this.domain = domain;
        this.registries = List.copyOf(registries);
    }

    /** The registries' metrics as one exposition; a metric whose value cannot be read is left out. */
    public String render() {
        Map<MetricName, Series> previous = known;
        Map<MetricName, Series> seen = new HashMap<>(Math.max(16, previous.size() * 4 / 3 + 1));
        Map<String, Family> families = new TreeMap<>();
        for (Metrics registry : registries) {
            for (KafkaMetric metric : registry.metrics().values()) {
                MetricName name = metric.metricName();
                Series series = previous.get(name);
                if (series == null) {
                    series = Series.of(domain, name);
                }
                seen.put(name, series);
                add(families, series, metric);
            }
        }
        known = seen;
        StringBuilder out = new StringBuilder(families.size() * 160 + seen.size() * 80);
        families.forEach((name, family) -> family.writeTo(name, out));
        return out.toString();
    }

    private static void add(Map<String, Family> families, Series series, KafkaMetric metric) {
        Object value;
        try {
            value = metric.metricValue();
        } catch (RuntimeException e) {
            log.debug("Metric {} left out of /metrics: reading it failed", metric.metricName(), e);
            return;
        }
        if (value instanceof Number number) {
            family(families, series, "untyped").samples.putIfAbsent(series.labels, format(number.doubleValue()));
        } else if (value instanceof Boolean bool) {
            family(families, series, "untyped").samples.putIfAbsent(series.labels, bool ? "1" : "0");
        } else if (value instanceof String state && isStatus(metric.metricName())) {
            addStates(family(families, series, "gauge"), series.labels, state.toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isStatus(MetricName name) {
        return STATUS_ATTRIBUTE.equals(name.name()) && STATUS_GROUPS.contains(name.group());
    }

    /** One sample per known state, 1 for the current one; an unknown current state gets a sample of its own. */
    private static void addStates(Family family, String labels, String current) {
        String prefix = labels.isEmpty() ? "{" : labels.substring(0, labels.length() - 1) + ",";
        for (String state : STATES) {
            family.samples.putIfAbsent(prefix + "status=\"" + state + "\"}", state.equals(current) ? "1" : "0");
        }
        if (!STATES.contains(current)) {
            family.samples.putIfAbsent(prefix + "status=\"" + escapeLabelValue(current) + "\"}", "1");
        }
    }

    private static Family family(Map<String, Family> families, Series series, String type) {
        return families.computeIfAbsent(series.family, ignored -> new Family(series.help, type));
    }

    private static String help(String domain, MetricName name) {
        String description = name.description() == null || name.description().isBlank()
                ? "Attribute " + name.name() + " of " + domain + ":type=" + name.group()
                : name.description();
        return description.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Tags in the order of the MBean name's keys, after "type"; empty when there are none. */
    static String labels(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder labels = new StringBuilder("{");
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (labels.length() > 1) {
                labels.append(',');
            }
            labels.append(PrometheusNames.labelName(tag.getKey())).append("=\"")
                    .append(escapeLabelValue(PrometheusNames.labelValue(tag.getValue()))).append('"');
        }
        return labels.append('}').toString();
    }

    static String escapeLabelValue(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Whole numbers without a fraction (counts read as counts); NaN and infinities as the format spells them. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** What a metric renders as, besides its value: its family's name and help, and its label set. */
    private record Series(String family, String help, String labels) {

        static Series of(String domain, MetricName name) {
            return new Series(PrometheusNames.metricName(domain, name.group(), name.name()),
                    PrometheusExposition.help(domain, name),
                    PrometheusExposition.labels(name.tags()));
        }
    }

    /** One metric family: its help, its type and its samples by label set. */
    private record Family(String help, String type, Map<String, String> samples) {

        Family(String help, String type) {
            this(help, type, new TreeMap<>());
        }

        void writeTo(String name, StringBuilder out) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
            samples.forEach((labels, value) -> out.append(name).append(labels).append(' ').append(value).append('\n'));
        }
    }
}
