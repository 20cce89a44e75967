package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connectors and tasks are balanced separately but by the same rules; this names the two kinds so those
 * rules ({@link #spread}, {@link #excess}) are written once.
 */
abstract sealed class WorkKind<T> permits WorkKind.Connectors, WorkKind.Tasks {

    static final WorkKind<String> CONNECTORS = new Connectors();
    static final WorkKind<ConnectorTaskId> TASKS = new Tasks();

    abstract List<T> held(WorkerLoad worker);

    abstract void assign(WorkerLoad worker, T item);

    abstract void revoke(WorkerLoad worker, T item);

    final int load(WorkerLoad worker) {
        return held(worker).size();
    }

    /**
     * Hands out new work, least-loaded first: workers are ordered by load once (ties keep the given order),
     * and each item goes to the current worker, moving on only while it has become busier than the next
     * one and otherwise starting again from the least loaded.
     */
    final void spread(List<WorkerLoad> workers, List<T> items) {
        if (workers.isEmpty()) {
            return;
        }
        List<WorkerLoad> order = new ArrayList<>(workers);
        order.sort(Comparator.comparingInt(this::load));
        int current = 0;
        for (T item : items) {
            WorkerLoad worker = order.get(current);
            assign(worker, item);
            boolean hasNext = current + 1 < order.size();
            current = hasNext && load(worker) > load(order.get(current + 1)) ? current + 1 : 0;
        }
    }

    /**
     * What must move for balance: each worker may keep {@code total / n} items, and {@code total % n} of
     * them one more. Nothing moves when the split is already exactly that. Otherwise the extra slots go to
     * over-loaded workers in the given order, and each gives up its first-reported items beyond its
     * allowance. Nothing is revoked here; see {@link #revoke(Map)}.
     */
    final Map<WorkerLoad, List<T>> excess(List<WorkerLoad> workers, int total) {
        Map<WorkerLoad, List<T>> excess = new LinkedHashMap<>();
        if (workers.isEmpty()) {
            return excess;
        }
        int share = total / workers.size();
        int extras = total % workers.size();
        long atShare = workers.stream().filter(w -> load(w) == share).count();
        long atShareAndOne = workers.stream().filter(w -> load(w) == share + 1).count();
        if (atShareAndOne == extras && atShare + atShareAndOne == workers.size()) {
            return excess;
        }
        for (WorkerLoad worker : workers) {
            if (load(worker) <= share) {
                continue;
            }
            int allowed = share;
            if (extras > 0) {
                allowed++;
                extras--;
            }
            int over = load(worker) - allowed;
            if (over > 0) {
                excess.put(worker, new ArrayList<>(held(worker).subList(0, over)));
            }
        }
        return excess;
    }

    final void revoke(Map<WorkerLoad, List<T>> items) {
        items.forEach((worker, list) -> list.forEach(item -> revoke(worker, item)));
    }

    static final class Connectors extends WorkKind<String> {
        @Override
        List<String> held(WorkerLoad worker) {
            return worker.connectors();
        }

        @Override
        void assign(WorkerLoad worker, String item) {
            worker.assign(item);
        }

        @Override
        void revoke(WorkerLoad worker, String item) {
            worker.revoke(item);
        }
    }

    static final class Tasks extends WorkKind<ConnectorTaskId> {
        @Override
        List<ConnectorTaskId> held(WorkerLoad worker) {
            return worker.tasks();
        }

        @Override
        void assign(WorkerLoad worker, ConnectorTaskId item) {
            worker.assign(item);
        }

        @Override
        void revoke(WorkerLoad worker, ConnectorTaskId item) {
            worker.revoke(item);
        }
    }
}
