import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Helpers for bin/connect-bench.sh that a shell does poorly: generating the input, waiting for a
 * growing file to reach a line count without rereading it, and measuring the latency of a steady
 * stream. Run with `java BenchTool.java` (or compiled): it is not part of the Maven build.
 *
 *   gen FILE LINES                      lines of about 100 bytes, numbered so order can be checked
 *   wait-lines FILE LINES START_MS TIMEOUT_S [READY_FILE]   prints the ms from START_MS (epoch) until FILE
 *                                       has LINES lines, then the ms until it had 99% of them
 *   wait-offset BOOTSTRAP TOPIC N START_MS TIMEOUT_S [READY_FILE]   prints the ms from START_MS until
 *                                       partition 0 of TOPIC holds N records (its end offset reaches N)
 *   START_MS may be @FILE: the epoch ms is read from FILE when the wait ends, so the waiter can be
 *   started (and READY_FILE created once it looks for the first time) before the measured work begins.
 *   end-offset BOOTSTRAP TOPIC           prints the end offset of partition 0 of TOPIC
 *   committed-lines BOOTSTRAP TOPIC      reads partition 0 of TOPIC read_committed up to its last stable offset and
 *                                       prints "RECORDS DISTINCT DUPLICATES" (records with the same value count
 *                                       as duplicates: every generated line is distinct)
 *   latency BOOTSTRAP TOPIC OUT RATE SECONDS WARMUP_S   produces RATE JSON-with-schema records/s to
 *                                       TOPIC, tails the sink file OUT, prints latency percentiles
 *
 * Needs kafka-clients on the class path for `wait-offset` and `latency` (bin/connect-bench.sh uses the broker's jars).
 */
public final class BenchTool {

    private static final int LINE_BYTES = 100;

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "gen" -> generate(Path.of(args[1]), Long.parseLong(args[2]));
            case "wait-lines" -> waitForLines(Path.of(args[1]), Long.parseLong(args[2]),
                new Start(args[3], args.length > 5 ? args[5] : null), Long.parseLong(args[4]));
            case "wait-offset" -> waitForEndOffset(args[1], args[2], Long.parseLong(args[3]),
                new Start(args[4], args.length > 6 ? args[6] : null), Long.parseLong(args[5]));
            case "end-offset" -> System.out.println(endOffset(args[1], args[2]));
            case "committed-lines" -> System.out.println(committedLines(args[1], args[2]));
            case "latency" -> LatencyRun.run(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> {
                System.err.println("usage: BenchTool gen|wait-lines|latency ...");
                System.exit(2);
            }
        }
    }

    /** Each line: a 10-digit sequence number, a space, and filler so the line is LINE_BYTES with its newline. */
    static void generate(Path file, long lines) throws IOException {
        byte[] filler = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(3).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (long i = 1; i <= lines; i++) {
                String number = String.format("%010d ", i);
                out.write(number.getBytes(StandardCharsets.US_ASCII));
                int rest = LINE_BYTES - 1 - number.length();
                out.write(filler, (int) (i % 10), rest);
                out.write('\n');
            }
        }
    }

    /**
     * When the measured work started: an epoch ms, or "@FILE" holding one, written by the caller just before
     * it starts the work; READY_FILE (optional) is created once the waiter has looked for the first time.
     */
    record Start(String spec, String readyFile) {
        long epochMs() throws IOException {
            return spec.startsWith("@") ? Long.parseLong(Files.readString(Path.of(spec.substring(1))).trim())
                : Long.parseLong(spec);
        }

        void ready() throws IOException {
            if (readyFile != null && !Files.exists(Path.of(readyFile))) {
                Files.createFile(Path.of(readyFile));
            }
        }
    }

    /** Counts newlines incrementally (only the bytes added since the last look) every 20 ms. */
    static void waitForLines(Path file, long wanted, Start start, long timeoutSeconds) throws Exception {
        long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(timeoutSeconds);
        long position = 0;
        long lines = 0;
        byte[] buffer = new byte[1 << 20];
        long mostAt = -1;
        while (true) {
            if (Files.exists(file)) {
                try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                    in.seek(position);
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        for (int i = 0; i < read; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                        position += read;
                    }
                }
            }
            start.ready();
            long now = System.currentTimeMillis();
            if (mostAt < 0 && lines * 100 >= wanted * 99) {
                mostAt = now;
            }
            if (lines >= wanted) {
                long startEpochMs = start.epochMs();
                System.out.println((now - startEpochMs) + " " + (mostAt - startEpochMs));
                return;
            }
            if (now > deadline) {
                System.err.println("timed out: " + file + " has " + lines + " of " + wanted + " lines");
                System.exit(1);
            }
            Thread.sleep(20);
        }
    }

    static long endOffset(String bootstrap, String topic) {
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        config.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(config)) {
            return consumer.endOffsets(java.util.List.of(partition)).get(partition);
        }
    }

    /** What a read_committed consumer sees: records, distinct values, and copies beyond the first. */
    static String committedLines(String bootstrap, String topic) {
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("isolation.level", "read_committed");
        config.put("max.poll.records", "10000");
        config.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        config.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
        java.util.Set<String> distinct = new java.util.HashSet<>();
        long records = 0;
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(config)) {
            consumer.assign(java.util.List.of(partition));
            consumer.seekToBeginning(java.util.List.of(partition));
            long end = consumer.endOffsets(java.util.List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (var record : consumer.poll(java.time.Duration.ofMillis(500))) {
                    records++;
                    distinct.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return records + " " + distinct.size() + " " + (records - distinct.size());
    }

    /** Asks the broker for the topic's end offset every 50 ms: when the source side has finished. */
    static void waitForEndOffset(String bootstrap, String topic, long wanted, Start start, long timeoutSeconds)
            throws Exception {
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        config.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
        long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(timeoutSeconds);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(config)) {
            while (true) {
                long end = consumer.endOffsets(java.util.List.of(partition)).get(partition);
                start.ready();
                long now = System.currentTimeMillis();
                if (end >= wanted) {
                    System.out.println(now - start.epochMs());
                    return;
                }
                if (now > deadline) {
                    System.err.println("timed out: " + topic + " holds " + end + " of " + wanted + " records");
                    System.exit(1);
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * Producer and tailer share one JVM so System.nanoTime() is one clock: every record's payload
     * carries the nanoTime at which it was handed to the producer, and the tailer subtracts it from
     * the nanoTime at which it first sees the line in the sink file (polled every millisecond). So
     * the figure is producer -> broker -> worker's consumer -> converter -> sink task -> file.
     */
    static final class LatencyRun {
        static void run(String bootstrap, String topic, Path out, int rate, int seconds, int warmupSeconds)
                throws Exception {
            long total = (long) rate * seconds;
            long[] latencies = new long[(int) total];
            long origin = System.nanoTime();
            Thread writer = new Thread(() -> produce(bootstrap, topic, rate, total, origin), "bench-producer");
            writer.start();
            int seen = tail(out, total, latencies, seconds + 60);
            writer.join();
            long skip = (long) rate * warmupSeconds;
            int from = (int) Math.min(skip, seen);
            long[] measured = Arrays.copyOfRange(latencies, from, seen);
            Arrays.sort(measured);
            System.out.printf("sent=%d received=%d measured=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", total, seen,
                measured.length, percentile(measured, 50), percentile(measured, 99), percentile(measured, 100));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
        }

        private static void produce(String bootstrap, String topic, int rate, long total, long origin) {
            java.util.Properties config = new java.util.Properties();
            config.put("bootstrap.servers", bootstrap);
            config.put("acks", "all");
            config.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
            config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
            String padding = "x".repeat(60);
            try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], String>(config)) {
                long sent = 0;
                while (sent < total) {
                    long now = System.nanoTime();
                    long due = Math.min(total, (now - origin) * rate / 1_000_000_000L + 1);
                    for (; sent < due; sent++) {
                        // The worker's JsonConverter (schemas.enable=true) reads this envelope.
                        String value = "{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\""
                            + sent + " " + System.nanoTime() + " " + padding + "\"}";
                        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, null, value));
                    }
                    LockSupport.parkNanos(1_000_000L);
                }
            }
        }

        /** Returns how many lines arrived; latencies[seq] is filled in sink order (which is send order). */
        private static int tail(Path out, long total, long[] latencies, int timeoutSeconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            long position = 0;
            int seen = 0;
            byte[] buffer = new byte[1 << 20];
            StringBuilder partial = new StringBuilder();
            while (seen < total && System.nanoTime() < deadline) {
                if (Files.exists(out)) {
                    try (RandomAccessFile file = new RandomAccessFile(out.toFile(), "r")) {
                        file.seek(position);
                        int read;
                        while ((read = file.read(buffer)) > 0) {
                            long now = System.nanoTime();
                            position += read;
                            for (int i = 0; i < read; i++) {
                                char c = (char) buffer[i];
                                if (c != '\n') {
                                    partial.append(c);
                                    continue;
                                }
                                String[] fields = partial.toString().split(" ", 3);
                                partial.setLength(0);
                                if (seen < latencies.length) {
                                    latencies[seen++] = now - Long.parseLong(fields[1]);
                                }
                            }
                        }
                    }
                }
                LockSupport.parkNanos(1_000_000L);
            }
            return seen;
        }
    }
}
