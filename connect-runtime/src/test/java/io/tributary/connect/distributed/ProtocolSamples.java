package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random states and assignments that exercise hash order, collisions, Unicode and duplicates. */
final class ProtocolSamples {

    private static final String[] ODD_NAMES = {"Aa", "BB", "", "é-connector", "日本語", "x", "Mirror", "conn-10"};

    private final Random random;

    ProtocolSamples(long seed) {
        this.random = new Random(seed);
    }

    WorkerState workerState() {
        Assignment assignment = random.nextInt(4) == 0 ? Assignment.empty() : assignment((short) (1 + random.nextInt(2)));
        return new WorkerState(url(), offset(), assignment);
    }

    Assignment assignment(short version) {
        List<String> connectors = names(random.nextInt(25));
        List<ConnectorTaskId> tasks = tasks(random.nextInt(40));
        List<String> revoked = version == 0 ? List.of() : names(random.nextInt(6));
        List<ConnectorTaskId> revokedTasks = version == 0 ? List.of() : tasks(random.nextInt(8));
        int delay = version == 0 ? 0 : random.nextInt(3) == 0 ? 0 : random.nextInt(Integer.MAX_VALUE);
        short error = (short) random.nextInt(2);
        return new Assignment(version, error, name(), url(), offset(), connectors, tasks, revoked, revokedTasks, delay);
    }

    private List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(name());
        }
        return names;
    }

    private List<ConnectorTaskId> tasks(int count) {
        List<ConnectorTaskId> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(new ConnectorTaskId(name(), random.nextInt(20)));
        }
        return tasks;
    }

    private String name() {
        return switch (random.nextInt(4)) {
            case 0 -> ODD_NAMES[random.nextInt(ODD_NAMES.length)];
            case 1 -> "connector-" + random.nextInt(40);
            case 2 -> Long.toString(random.nextLong(), 36);
            default -> "c" + random.nextInt(100);
        };
    }

    private String url() {
        return "http://worker-" + random.nextInt(100) + ":" + (8000 + random.nextInt(1000)) + "/";
    }

    private long offset() {
        return random.nextInt(5) == 0 ? -1L : random.nextLong(Long.MAX_VALUE);
    }
}
