package io.tributary.connect.metrics;

import org.apache.kafka.common.utils.Sanitizer;

import java.util.Locale;

/**
 * The names the Prometheus JMX exporter gives a Kafka metric under its default rule (no {@code rules}, with
 * {@code lowercaseOutputName: true}), so that dashboards built on that exporter read our endpoint unchanged.
 * Kafka's JMX reporter registers a metric of group G and tags k=v as MBean {@code kafka.connect:type=G,k=v}
 * with the metric's name as attribute; the exporter names it {@code <domain>_<first key's value>_<attribute>},
 * replaces every character outside {@code [a-zA-Z0-9:_]} by '_', merges runs of '_', and turns the remaining
 * keys into labels whose values are the key values as they appear in the MBean name.
 */
public final class PrometheusNames {

    private PrometheusNames() {
    }

    /** e.g. ("kafka.connect", "source-task-metrics", "source-record-poll-total") gives kafka_connect_source_task_metrics_source_record_poll_total. */
    public static String metricName(String domain, String group, String attribute) {
        String raw = domain + '_' + Sanitizer.jmxSanitize(group) + '_' + attribute;
        return safeName(raw).toLowerCase(Locale.ROOT);
    }

    /** A tag key as a label name: "client-id" becomes client_id. Kafka's tag keys are lower case already. */
    public static String labelName(String tagKey) {
        return safeName(tagKey);
    }

    /**
     * A tag value as the exporter reads it from the MBean name: Kafka's JMX reporter quotes values holding
     * characters other than letters, digits, '_', '-', '%', '.', space and tab (a worker id "host:8083" becomes
     * "\"host:8083\""), and the exporter keeps those quotes.
     */
    public static String labelValue(String tagValue) {
        return Sanitizer.jmxSanitize(tagValue);
    }

    static String safeName(String raw) {
        StringBuilder safe = new StringBuilder(raw.length());
        boolean lastWasUnderscore = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean legal = c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (legal) {
                safe.append(c);
                lastWasUnderscore = false;
            } else if (!lastWasUnderscore) {
                safe.append('_');
                lastWasUnderscore = true;
            }
        }
        return safe.toString();
    }
}
