package io.tributary.connect.rest.distributed;

import io.tributary.connect.cli.LocalWorkers;
import io.tributary.connect.cli.DistributedWorker;
import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.testkit.KafkaBroker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;

/**
 * Two distributed workers of one Connect group in this JVM, on the test broker, each with its real REST
 * server; tells which one leads so tests can send the same request through the leader and the follower.
 */
final class TwoWorkerCluster implements AutoCloseable {

    static final long TIMEOUT_S = 60;

    final String groupId;
    private final List<DistributedWorker> workers = new ArrayList<>();
    private final SSLContext clientTls;

    private TwoWorkerCluster(String groupId, SSLContext clientTls) {
        this.groupId = groupId;
        this.clientTls = clientTls;
    }

    static TwoWorkerCluster start(KafkaBroker broker) {
        return start(broker, Map.of(), Map.of(), null);
    }

    /** Both workers with these settings added to (or replacing) the usual ones. */
    static TwoWorkerCluster start(KafkaBroker broker, Map<String, String> extraProps) {
        return start(broker, extraProps, extraProps, null);
    }

    /** Two workers whose settings differ from the defaults here by {@code first} and {@code second}. */
    static TwoWorkerCluster start(KafkaBroker broker, Map<String, String> first, Map<String, String> second) {
        return start(broker, first, second, null);
    }

    /**
     * @param workerProps added to (or replacing) each worker's settings, e.g. https listeners and TLS keys
     * @param clientTls   what the test's REST clients use for https:// workers; null for http
     */
    static TwoWorkerCluster start(KafkaBroker broker, Map<String, String> workerProps, SSLContext clientTls) {
        return start(broker, workerProps, workerProps, clientTls);
    }

    private static TwoWorkerCluster start(KafkaBroker broker, Map<String, String> first, Map<String, String> second,
                                          SSLContext clientTls) {
        TwoWorkerCluster cluster = new TwoWorkerCluster("rest-" + UUID.randomUUID().toString().substring(0, 8),
                clientTls);
        try {
            cluster.workers.add(DistributedWorker.start(cluster.props(broker, first)));
            cluster.workers.add(DistributedWorker.start(cluster.props(broker, second)));
            await("both workers to join the group and one to lead",
                    () -> cluster.workers.stream().allMatch(w -> w.herder().isReady()) && cluster.leaderIndex() >= 0);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    DistributedWorker leaderWorker() {
        return workers.get(leaderIndex());
    }

    DistributedWorker followerWorker() {
        return workers.get(1 - leaderIndex());
    }

    RestClient leader() {
        return client(leaderWorker());
    }

    RestClient follower() {
        return client(followerWorker());
    }

    private RestClient client(DistributedWorker worker) {
        URI url = worker.rest().advertisedUrl();
        return clientTls == null ? new RestClient(url) : new RestClient(url, clientTls);
    }

    /** The leader first, then the follower: requests sent through both exercise forwarding. */
    List<RestClient> both() {
        return List.of(leader(), follower());
    }

    private int leaderIndex() {
        for (int i = 0; i < workers.size(); i++) {
            try {
                if (workers.get(i).herder().isLeader().get(TIMEOUT_S, TimeUnit.SECONDS)) {
                    return i;
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return -1;
    }

    private Map<String, String> props(KafkaBroker broker, Map<String, String> overrides) {
        Map<String, String> props = LocalWorkers.distributedProps(broker, groupId);
        props.put("offset.storage.partitions", "2");
        props.put("status.storage.partitions", "2");
        props.put("offset.flush.interval.ms", "200");
        props.put("scheduled.rebalance.max.delay.ms", "1000");
        props.putAll(overrides);
        return props;
    }

    @Override
    public void close() {
        workers.forEach(DistributedWorker::stop);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            synchronized (lock) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what, e);
                }
            }
        }
    }
}
