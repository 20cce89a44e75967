import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 *   wait-records BOOTSTRAP TOPIC N START_MS TIMEOUT_S [READY_FILE]   prints the ms from START_MS until the
 *                                       end offsets of all partitions of TOPIC add up to N, then the ms until
 *                                       the first record was there (TOPIC may not exist yet; asked through the
 *                                       admin client, so the waiter never creates it)
 *   partition-ends BOOTSTRAP TOPIC       prints the sum of the end offsets of TOPIC's partitions, then
 *                                       "PARTITION:END" for each, in partition order
 *   committed-lines BOOTSTRAP TOPIC      reads partition 0 of TOPIC read_committed up to its last stable offset and
 *                                       prints "RECORDS DISTINCT DUPLICATES" (records with the same value count
 *                                       as duplicates: every generated line is distinct)
 *   latency BOOTSTRAP TOPIC OUT RATE SECONDS WARMUP_S   produces RATE JSON-with-schema records/s to
 *                                       TOPIC, tails the sink file OUT, prints latency percentiles
 *   create-connectors BASE_URLS PREFIX N CONCURRENCY put|post TOPIC INPUT_DIR STATUS_URL TIMEOUT_S
 *                                       creates FileStreamSource connectors PREFIX-0001..N (file
 *                                       INPUT_DIR/PREFIX-0001.txt ...), CONCURRENCY requests at a time, spread
 *                                       over the comma-separated BASE_URLS, then polls STATUS_URL until all are
 *                                       RUNNING (see await-connectors); prints the figures as KEY=value words
 *   await-connectors STATUS_URL N WORKER_IDS START_MS TIMEOUT_S [READY_FILE]   polls STATUS_URL (a
 *                                       /connectors?expand=status) until N connectors and their tasks are RUNNING,
 *                                       spread evenly over the comma-separated WORKER_IDS ("-": anywhere)
 *   poll-latency URL PERIOD_MS TIMEOUT_MS STOP_FILE RAW_FILE   GETs URL every PERIOD_MS, each allowed
 *                                       TIMEOUT_MS, until STOP_FILE exists; prints counts and p50/p99/max
 *
 * Needs kafka-clients on the class path for `wait-offset` and `latency`, and the broker's Jackson for the
 * three REST commands (bin/connect-bench.sh puts the broker's jars there).
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
            case "wait-records" -> TopicEnds.await(args[1], args[2], Long.parseLong(args[3]),
                new Start(args[4], args.length > 6 ? args[6] : null), Long.parseLong(args[5]));
            case "partition-ends" -> System.out.println(TopicEnds.describe(args[1], args[2]));
            case "committed-lines" -> System.out.println(committedLines(args[1], args[2]));
            case "latency" -> LatencyRun.run(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "create-connectors" -> ConnectorCreator.run(args);
            case "await-connectors" -> System.out.println(StatusWatch.await(args[1], Integer.parseInt(args[2]),
                StatusWatch.workerIds(args[3]), new Start(args[4], args.length > 6 ? args[6] : null),
                Long.parseLong(args[5])));
            case "poll-latency" -> LatencyPoller.run(args[1], Long.parseLong(args[2]), Long.parseLong(args[3]),
                Path.of(args[4]), Path.of(args[5]));
            default -> {
                System.err.println("usage: BenchTool gen|wait-lines|wait-offset|end-offset|wait-records|partition-ends|committed-lines|latency|"
                    + "create-connectors|await-connectors|poll-latency ...");
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
     * End offsets of every partition of a topic, read with the admin client: unlike a consumer's metadata request,
     * its requests never make the broker create a topic that does not exist yet (the mirror scenario waits for a
     * remote topic that the connector creates with the source's partition count).
     */
    static final class TopicEnds {
        static void await(String bootstrap, String topic, long wanted, Start start, long timeoutSeconds)
                throws Exception {
            long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(timeoutSeconds);
            long firstAt = -1;
            try (var admin = admin(bootstrap)) {
                while (true) {
                    long total = ends(admin, topic).values().stream().mapToLong(Long::longValue).sum();
                    start.ready();
                    long now = System.currentTimeMillis();
                    if (firstAt < 0 && total > 0) {
                        firstAt = now;
                    }
                    if (total >= wanted) {
                        long startEpochMs = start.epochMs();
                        System.out.println((now - startEpochMs) + " " + (firstAt - startEpochMs));
                        return;
                    }
                    if (now > deadline) {
                        System.err.println("timed out: " + topic + " holds " + total + " of " + wanted + " records");
                        System.exit(1);
                    }
                    Thread.sleep(50);
                }
            }
        }

        static String describe(String bootstrap, String topic) throws Exception {
            try (var admin = admin(bootstrap)) {
                Map<Integer, Long> ends = ends(admin, topic);
                StringBuilder text = new StringBuilder(String.valueOf(ends.values().stream().mapToLong(Long::longValue).sum()));
                ends.forEach((partition, end) -> text.append(' ').append(partition).append(':').append(end));
                return text.toString();
            }
        }

        private static org.apache.kafka.clients.admin.Admin admin(String bootstrap) {
            return org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap));
        }

        /** End offset per partition, in partition order; empty while the topic does not exist. */
        private static Map<Integer, Long> ends(org.apache.kafka.clients.admin.Admin admin, String topic) throws Exception {
            Map<Integer, Long> ends = new java.util.TreeMap<>();
            org.apache.kafka.clients.admin.TopicDescription description;
            try {
                description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                    return ends;
                }
                throw e;
            }
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            for (var partition : description.partitions()) {
                latest.put(new org.apache.kafka.common.TopicPartition(topic, partition.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
            return ends;
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

    /** One HTTP/1.1 client for the REST commands: what a script or an operator's tool would use. */
    static final class Rest {
        static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .build();
        static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        /** Loads and initialises the client and JSON classes, so that the first measured request does not pay for it. */
        static void warmUp(String url) throws IOException, InterruptedException {
            get(url, 10_000);
            JSON.readTree(JSON.writeValueAsString(Map.of("warm", List.of(1))));
        }

        static java.net.http.HttpResponse<String> get(String url, long timeoutMs) throws IOException, InterruptedException {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(java.time.Duration.ofMillis(timeoutMs)).GET().build();
            return CLIENT.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        static java.net.http.HttpResponse<String> send(String method, String url, Object body, long timeoutMs)
                throws IOException, InterruptedException {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(java.time.Duration.ofMillis(timeoutMs))
                .header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
            return CLIENT.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * Creates file source connectors through REST: one after another (CONCURRENCY 1) or many at once, and then
     * waits until they all run. A request answered 409 (e.g. during a rebalance), 5xx or not at all is sent again
     * a second later, as a client that wants its connector would; those retries are counted.
     */
    static final class ConnectorCreator {
        private static final int ATTEMPTS = 30;
        private static final long REQUEST_TIMEOUT_MS = 120_000;

        static void run(String[] args) throws Exception {
            List<String> bases = List.of(args[1].split(","));
            String prefix = args[2];
            int count = Integer.parseInt(args[3]);
            int concurrency = Integer.parseInt(args[4]);
            boolean post = args[5].equals("post");
            String topic = args[6];
            Path inputDir = Path.of(args[7]);
            var retries = new java.util.concurrent.atomic.AtomicInteger();
            var go = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
            List<java.util.concurrent.Future<Integer>> codes = new java.util.ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String name = String.format("%s-%04d", prefix, i);
                String base = bases.get((i - 1) % bases.size());
                Map<String, String> config = new java.util.LinkedHashMap<>();
                config.put("connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector");
                config.put("tasks.max", "1");
                config.put("file", inputDir.resolve(name + ".txt").toString());
                config.put("topic", topic);
                codes.add(pool.submit(() -> {
                    go.await();
                    return create(base, name, config, post, retries);
                }));
            }
            for (String base : bases) {
                Rest.warmUp(base + "/");
            }
            // The requests wait on the latch, so that with CONCURRENCY at once they really leave together.
            long startMs = System.currentTimeMillis();
            go.countDown();
            Map<Integer, Integer> byCode = new java.util.TreeMap<>();
            int failed = 0;
            for (var code : codes) {
                int status = code.get();
                byCode.merge(status, 1, Integer::sum);
                if (!created(status)) {
                    failed++;
                }
            }
            long answeredMs = System.currentTimeMillis() - startMs;
            pool.shutdown();
            System.out.println("answered_ms=" + answeredMs);
            System.out.println("retries=" + retries.get());
            System.out.println("failed=" + failed);
            System.out.println("codes=" + byCode.entrySet().stream().map(e -> e.getValue() + "x" + e.getKey())
                .collect(java.util.stream.Collectors.joining(" ")));
            System.out.println(StatusWatch.await(args[8], count - failed, List.of(),
                new Start(String.valueOf(startMs), null), Long.parseLong(args[9])));
        }

        /** 201 for a new connector (200 when a PUT found it, 409 when a repeated POST found it created). */
        private static boolean created(int status) {
            return status == 200 || status == 201 || status == -409;
        }

        private static int create(String base, String name, Map<String, String> config, boolean post,
                java.util.concurrent.atomic.AtomicInteger retries) throws InterruptedException {
            for (int attempt = 1; ; attempt++) {
                int status;
                String answer;
                try {
                    var response = post
                        ? Rest.send("POST", base + "/connectors", Map.of("name", name, "config", config), REQUEST_TIMEOUT_MS)
                        : Rest.send("PUT", base + "/connectors/" + name + "/config", config, REQUEST_TIMEOUT_MS);
                    status = response.statusCode();
                    answer = response.body();
                } catch (IOException e) {
                    status = 0;
                    answer = e.toString();
                }
                if (status == 200 || status == 201) {
                    return status;
                }
                // A POST sent again after one that timed out may find its connector created.
                if (status == 409 && post && attempt > 1 && answer.contains("already exists")) {
                    return -409;
                }
                boolean retriable = status == 0 || status == 409 || status >= 500;
                if (!retriable || attempt == ATTEMPTS) {
                    System.err.println(name + ": " + status + " " + answer);
                    return status;
                }
                retries.incrementAndGet();
                Thread.sleep(1000);
            }
        }
    }

    /**
     * Polls GET /connectors?expand=status every 250 ms (one request at a time) until N connectors and every one
     * of their tasks are RUNNING and, when worker ids are given, spread evenly over exactly those workers: each
     * runs N/W connectors and T/W tasks, rounded down or up.
     */
    static final class StatusWatch {
        private static final long PERIOD_MS = 250;
        private static final long REQUEST_TIMEOUT_MS = 30_000;

        static List<String> workerIds(String spec) {
            return spec.equals("-") ? List.of() : List.of(spec.split(","));
        }

        /** Lines running_ms= (empty when the timeout came first), distribution= and polls=. */
        static String await(String url, int wanted, List<String> workers, Start start, long timeoutSeconds)
                throws Exception {
            long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(timeoutSeconds);
            String distribution = "no answer";
            int polls = 0;
            while (true) {
                long began = System.currentTimeMillis();
                Observation seen = null;
                try {
                    var response = Rest.get(url, REQUEST_TIMEOUT_MS);
                    polls++;
                    if (response.statusCode() == 200) {
                        seen = observe(response.body(), wanted, workers);
                        distribution = seen.distribution();
                    } else {
                        distribution = "answer " + response.statusCode();
                    }
                } catch (IOException e) {
                    distribution = "no answer: " + e.getClass().getSimpleName();
                }
                start.ready();
                long now = System.currentTimeMillis();
                if (seen != null && seen.done()) {
                    return "running_ms=" + (now - start.epochMs()) + "\ndistribution=" + distribution + "\npolls=" + polls;
                }
                if (now > deadline) {
                    return "running_ms=\ndistribution=" + distribution + "\npolls=" + polls;
                }
                Thread.sleep(Math.max(0, began + PERIOD_MS - now));
            }
        }

        record Observation(boolean done, String distribution) {
        }

        static Observation observe(String body, int wanted, List<String> workers) throws IOException {
            // Per worker id: connectors, tasks.
            Map<String, int[]> perWorker = new java.util.TreeMap<>();
            int connectors = 0;
            int tasks = 0;
            int running = 0;
            boolean everyConnectorHasTasks = true;
            for (var entry : Rest.JSON.readTree(body)) {
                var status = entry.path("status");
                var connector = status.path("connector");
                connectors++;
                running += connector.path("state").asText().equals("RUNNING") ? 1 : 0;
                perWorker.computeIfAbsent(connector.path("worker_id").asText("none"), id -> new int[2])[0]++;
                everyConnectorHasTasks &= !status.path("tasks").isEmpty();
                for (var task : status.path("tasks")) {
                    tasks++;
                    running += task.path("state").asText().equals("RUNNING") ? 1 : 0;
                    perWorker.computeIfAbsent(task.path("worker_id").asText("none"), id -> new int[2])[1]++;
                }
            }
            boolean allRunning = connectors >= wanted && everyConnectorHasTasks && running == connectors + tasks;
            boolean done = allRunning && (workers.isEmpty() || balanced(perWorker, connectors, tasks, workers));
            StringBuilder text = new StringBuilder(connectors + " connectors, " + tasks + " tasks, "
                + running + " RUNNING;");
            perWorker.forEach((id, counts) -> text.append(' ').append(id).append(' ')
                .append(counts[0]).append('/').append(counts[1]));
            return new Observation(done, text.toString());
        }

        private static boolean balanced(Map<String, int[]> perWorker, int connectors, int tasks, List<String> workers) {
            int w = workers.size();
            int placedConnectors = 0;
            int placedTasks = 0;
            for (String id : workers) {
                int[] counts = perWorker.getOrDefault(id, new int[2]);
                if (counts[0] < connectors / w || counts[0] > (connectors + w - 1) / w
                        || counts[1] < tasks / w || counts[1] > (tasks + w - 1) / w) {
                    return false;
                }
                placedConnectors += counts[0];
                placedTasks += counts[1];
            }
            return placedConnectors == connectors && placedTasks == tasks;
        }
    }

    /**
     * GETs a URL every PERIOD_MS (or at once when the previous answer took longer), each request allowed TIMEOUT_MS,
     * until STOP_FILE exists, and writes "epoch_ms status ms" per request to RAW_FILE (status 0: timed out or the
     * connection failed). Requests before the server first answered (it is still starting) are only counted.
     * Percentiles cover the reads that were served (200) and those that timed out; other answers (a worker
     * still starting may answer 404 or 503 at once) and failed connections are only counted.
     */
    static final class LatencyPoller {
        static void run(String url, long periodMs, long timeoutMs, Path stopFile, Path rawFile) throws Exception {
            List<Long> latencies = new java.util.ArrayList<>();
            int ok = 0;
            Map<Integer, Integer> other = new java.util.TreeMap<>();
            int timeouts = 0;
            int failures = 0;
            int beforeListening = 0;
            boolean listening = false;
            try (var raw = Files.newBufferedWriter(rawFile)) {
                while (!Files.exists(stopFile)) {
                    long epochMs = System.currentTimeMillis();
                    long began = System.nanoTime();
                    int status = 0;
                    try {
                        status = Rest.get(url, timeoutMs).statusCode();
                        listening = true;
                    } catch (java.net.http.HttpConnectTimeoutException | java.net.ConnectException e) {
                        if (listening) {
                            failures++;
                        } else {
                            beforeListening++;
                        }
                    } catch (java.net.http.HttpTimeoutException e) {
                        timeouts++;
                    } catch (IOException e) {
                        if (listening) {
                            failures++;
                        } else {
                            beforeListening++;
                        }
                    }
                    long elapsed = System.nanoTime() - began;
                    if (status == 200) {
                        ok++;
                    } else if (status != 0) {
                        other.merge(status, 1, Integer::sum);
                    }
                    if (status == 200 || elapsed >= TimeUnit.MILLISECONDS.toNanos(timeoutMs)) {
                        latencies.add(elapsed);
                    }
                    raw.write(epochMs + " " + status + " " + TimeUnit.NANOSECONDS.toMillis(elapsed) + "\n");
                    long left = TimeUnit.MILLISECONDS.toNanos(periodMs) - (System.nanoTime() - began);
                    if (left > 0) {
                        LockSupport.parkNanos(left);
                    }
                }
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            int others = other.values().stream().mapToInt(Integer::intValue).sum();
            String otherText = other.entrySet().stream().map(e -> e.getValue() + "x" + e.getKey())
                .collect(java.util.stream.Collectors.joining(" "));
            System.out.printf("requests=%d%nok=%d%nnon_200=%d%nother_statuses=%s%ntimeouts=%d%nfailures=%d%n"
                    + "before_listening=%d%np50_ms=%.0f%np99_ms=%.0f%nmax_ms=%.0f%n", ok + others + timeouts + failures,
                ok, others, otherText, timeouts, failures, beforeListening, LatencyRun.percentile(sorted, 50),
                LatencyRun.percentile(sorted, 99), LatencyRun.percentile(sorted, 100));
        }
    }
}
