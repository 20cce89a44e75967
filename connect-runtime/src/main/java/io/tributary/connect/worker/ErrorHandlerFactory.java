package io.tributary.connect.worker;

import java.util.ArrayList;
import java.util.List;

import io.tributary.connect.config.ConnectorClientOverrides;
import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.config.SinkConnectorConfig;
import io.tributary.connect.config.WorkerClientConfigs;
import io.tributary.connect.errors.DeadLetterQueueReporter;
import io.tributary.connect.errors.DeadLetterQueueTopic;
import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ErrorHandlingSettings;
import io.tributary.connect.errors.ErrorLogReporter;
import io.tributary.connect.errors.ErrorMetrics;
import io.tributary.connect.errors.ErrorReporter;
import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.Time;

/** Builds a task's error handling from its connector's {@code errors.*} settings. */
final class ErrorHandlerFactory {

    private final WorkerClientConfigs clients;
    private final Time time;

    ErrorHandlerFactory(WorkerClientConfigs clients, Time time) {
        this.clients = clients;
        this.time = time;
    }

    /** Source records have no consumed bytes, so only the log can report them. */
    ErrorHandler forSource(ConnectorTaskId id, ConnectorConfig config, ErrorMetrics metrics) {
        ErrorHandlingSettings settings = ErrorHandlingSettings.of(config);
        return new ErrorHandler(id, settings, logReporter(settings, metrics), time, metrics);
    }

    /** Creates the dead letter queue topic if absent, so that the first failed record has somewhere to go. */
    ErrorHandler forSink(ConnectorTaskId id, SinkConnectorConfig config, ConnectorClientOverrides overrides,
                         ErrorMetrics metrics) {
        ErrorHandlingSettings settings = ErrorHandlingSettings.of(config);
        List<ErrorReporter> reporters = new ArrayList<>(logReporter(settings, metrics));
        String dlqTopic = config.dlqTopicName();
        if (!dlqTopic.isEmpty()) {
            try (Admin admin = Admin.create(clients.admin("connector-dlq-adminclient-" + id, overrides))) {
                DeadLetterQueueTopic.ensureExists(admin, dlqTopic, config.dlqTopicReplicationFactor());
            }
            KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                    clients.producer("connector-dlq-producer-" + id, overrides));
            reporters.add(new DeadLetterQueueReporter(dlqTopic, config.isDlqContextHeadersEnabled(), producer,
                    metrics));
        }
        return new ErrorHandler(id, settings, reporters, time, metrics);
    }

    private static List<ErrorReporter> logReporter(ErrorHandlingSettings settings, ErrorMetrics metrics) {
        return settings.logErrors() ? List.of(new ErrorLogReporter(settings.logRecords(), metrics)) : List.of();
    }
}
