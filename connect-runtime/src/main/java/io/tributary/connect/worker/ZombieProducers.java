package io.tributary.connect.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.tributary.connect.config.ConnectorClientOverrides;
import io.tributary.connect.config.WorkerClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FenceProducersOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fences out the transactional producers of a source connector's tasks (Admin.fenceProducers on their transactional
 * ids, {@code <group.id>-<connector>-<task>}), as the leader does before a new generation of exactly-once tasks
 * starts: the brokers bump each id's epoch and abort its open transaction, so a zombie of an older generation can
 * neither write nor commit anything more.
 */
final class ZombieProducers {

    private static final Logger log = LoggerFactory.getLogger(ZombieProducers.class);
    /** How long fencing may take, as long as a REST request may. */
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final WorkerClientConfigs clients;
    private final String groupId;

    ZombieProducers(WorkerClientConfigs clients, String groupId) {
        this.clients = clients;
        this.groupId = groupId;
    }

    /** Completes once the brokers fenced the producers of tasks 0 to {@code taskCount - 1}. */
    CompletableFuture<Void> fence(String connector, int taskCount, ConnectorClientOverrides overrides) {
        Admin admin;
        try {
            admin = Admin.create(clients.admin("connector-worker-adminclient-" + connector, overrides));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<String> transactionalIds = IntStream.range(0, taskCount)
                .mapToObj(task -> WorkerClientConfigs.taskTransactionalId(groupId, connector, task))
                .toList();
        log.debug("Fencing out {} task producers for source connector {}", taskCount, connector);
        FenceProducersOptions options = new FenceProducersOptions().timeoutMs((int) TIMEOUT.toMillis());
        return admin.fenceProducers(transactionalIds, options).all().toCompletionStage().toCompletableFuture()
                .whenComplete((done, error) -> {
                    // Not on the admin client's own thread, which closing the client waits for.
                    Thread closer = new Thread(() -> admin.close(TIMEOUT), "fencing-admin-closer-" + connector);
                    closer.setDaemon(true);
                    closer.start();
                    if (error == null) {
                        log.info("Fenced out {} task producer(s) of source connector {}", taskCount, connector);
                    }
                });
    }
}
