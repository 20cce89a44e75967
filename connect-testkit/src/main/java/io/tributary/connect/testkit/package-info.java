/**
 * A real Apache Kafka broker for tests, running in-process in KRaft mode on free ports.
 *
 * <p>Use {@code @ExtendWith(KafkaBrokerExtension.class)} and declare a {@link
 * io.tributary.connect.testkit.KafkaBroker} parameter on a test, constructor or {@code @BeforeAll}
 * method. All test classes of one JUnit run share a single-node cluster that starts on first use
 * (about 2 s cold, well under a second once the broker classes are loaded) and stops when the run
 * ends. Tests that stop brokers or need several of them start their own with {@link
 * io.tributary.connect.testkit.KafkaCluster#start(int)} and close it themselves. Tests that need a
 * broker <em>process</em> to stop or be killed and to come back on the same data use {@link
 * io.tributary.connect.testkit.KafkaBrokerProcess}, which runs {@code bin/kafka-local.sh}.
 *
 * <p>Logging: the broker logs through SLF4J and is very chatty at INFO. A module using this kit
 * should put a {@code logback-test.xml} in its own test resources that sets the {@code kafka} and
 * {@code org.apache.kafka} loggers to WARN; the one in this module's test resources is an example
 * (it is not shipped in the jar).
 */
package io.tributary.connect.testkit;
