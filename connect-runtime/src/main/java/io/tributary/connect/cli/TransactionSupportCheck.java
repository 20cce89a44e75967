package io.tributary.connect.cli;

import io.tributary.connect.config.DistributedConfig;
import io.tributary.connect.config.WorkerClientConfigs;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTransactionsOptions;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Before a worker with {@code exactly.once.source.support} other than {@code disabled} joins its group: can this
 * worker use transactions on its Kafka cluster at all? Kafka Connect finds out only when its leader first claims the
 * config topic, then retries forever while every write hangs; a worker here refuses to start instead, naming the
 * setting and what to fix. The probe asks the transaction coordinator of the cluster's transactional id to describe
 * it, which needs a working transaction state log and the right to use the id, and changes nothing.
 */
final class TransactionSupportCheck {

    private static final Logger log = LoggerFactory.getLogger(TransactionSupportCheck.class);
    /** How long the cluster has to answer, unless the worker file sets {@code default.api.timeout.ms}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private TransactionSupportCheck() {
    }

    /** Returns when transactions work, or when exactly-once support is disabled; otherwise throws ConfigException. */
    static void verify(DistributedConfig config) {
        if (!config.transactionalLeaderEnabled()) {
            return;
        }
        Object timeout = config.originals().get(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG);
        verify(config, timeout == null ? DEFAULT_TIMEOUT : Duration.ofMillis(Long.parseLong(timeout.toString().trim())));
    }

    static void verify(DistributedConfig config, Duration timeout) {
        String setting = DistributedConfig.EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG;
        String value = config.getString(setting);
        String transactionalId = config.transactionalProducerId();
        Map<String, Object> props = new WorkerClientConfigs(config, null).internalTopicClients();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, transactionalId + "-transaction-check");
        int timeoutMs = (int) timeout.toMillis();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        // The admin client refuses a total timeout shorter than one request's.
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Math.min(timeoutMs, config.getInt(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG)));
        try (Admin admin = Admin.create(props)) {
            admin.describeTransactions(List.of(transactionalId),
                            new DescribeTransactionsOptions().timeoutMs((int) timeout.toMillis()))
                    .all().get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TransactionalIdNotFoundException) {
                return; // the coordinator answered: transactions work, this id was simply never used
            }
            if (cause instanceof UnsupportedVersionException) {
                log.info("The Kafka cluster at {} cannot describe transactions; the first transaction of this worker "
                        + "will tell whether {}={} can work", config.bootstrapServers(), setting, value);
                return;
            }
            if (cause instanceof TransactionalIdAuthorizationException) {
                throw new ConfigException(setting, value, "this worker may not use transactional ids on the Kafka "
                        + "cluster at " + config.bootstrapServers() + ": grant its principal Write (and Describe) on "
                        + "the transactional id '" + transactionalId + "' and on those of the source tasks ('"
                        + config.groupId() + "-<connector>-<task>'), or set " + setting + "=disabled");
            }
            throw unavailable(config, setting, value, cause.toString());
        } catch (TimeoutException e) {
            throw unavailable(config, setting, value, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(config, setting, value, "interrupted");
        }
    }

    private static ConfigException unavailable(DistributedConfig config, String setting, String value, String why) {
        return new ConfigException(setting, value, "exactly-once source support needs transactions, but the Kafka "
                + "cluster at " + config.bootstrapServers() + " has no transaction coordinator this worker can use ("
                + why + "). Check that the brokers can create their transaction state log (no more than the number of "
                + "brokers in transaction.state.log.replication.factor, enough in-sync replicas for "
                + "transaction.state.log.min.isr), or set " + setting + "=disabled");
    }
}
