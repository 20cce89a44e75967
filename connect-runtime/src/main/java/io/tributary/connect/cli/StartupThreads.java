package io.tributary.connect.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs independent startup steps beside the main thread, each on a daemon thread of its own (never on the
 * common pool, which the plugin scan uses and which is one thread on a two-core machine).
 */
final class StartupThreads {

    private StartupThreads() {
    }

    static Executor named(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    static <T> CompletableFuture<T> supply(String name, Supplier<T> step) {
        return CompletableFuture.supplyAsync(step, named(name));
    }

    /** The step's result, or the exception it threw (not wrapped), once it finished. */
    static <T> T await(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
