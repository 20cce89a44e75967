package io.tributary.connect.worker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tributary.connect.status.MemoryStatusStore;
import io.tributary.connect.model.State;
import io.tributary.connect.status.StatusStore;
import io.tributary.connect.status.TaskStatus;

/** A memory status store that also keeps every task status written to it, in order. */
final class RecordingStatusStore {

    private final MemoryStatusStore memory = new MemoryStatusStore();
    private final List<TaskStatus> taskStatuses = new CopyOnWriteArrayList<>();
    /** The store to write through: every call goes to the memory store, task statuses are noted first. */
    final StatusStore store = (StatusStore) Proxy.newProxyInstance(StatusStore.class.getClassLoader(),
            new Class<?>[] {StatusStore.class}, (proxy, method, args) -> {
                if (method.getName().startsWith("put") && args != null && args[0] instanceof TaskStatus status) {
                    taskStatuses.add(status);
                }
                try {
                    return method.invoke(memory, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    /** Every task state reported so far, oldest first. */
    List<State> taskStates() {
        return taskStatuses.stream().map(TaskStatus::state).toList();
    }

    /** The newest task status with this state, or null. */
    TaskStatus lastWith(State state) {
        TaskStatus found = null;
        for (TaskStatus status : taskStatuses) {
            if (status.state() == state) {
                found = status;
            }
        }
        return found;
    }
}
