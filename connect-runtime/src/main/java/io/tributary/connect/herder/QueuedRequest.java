package io.tributary.connect.herder;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * A request queued for a herder thread and answered through a future. A caller that stops waiting (the REST
 * layer after its request timeout) cancels the future, and a request cancelled while still queued never runs:
 * nobody would read its answer, and a write nobody waits for must not land minutes later.
 */
final class QueuedRequest {

    private QueuedRequest() {
    }

    /** The work to queue: runs {@code work} into {@code answer} unless the answer was settled meanwhile. */
    static <T> Runnable answering(CompletableFuture<T> answer, Callable<T> work) {
        return () -> {
            if (answer.isDone()) {
                return;
            }
            try {
                answer.complete(work.call());
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        };
    }

    /** The answer of queued work that itself answers later; cancelling it cancels the queued part too. */
    static <T> CompletableFuture<T> chained(CompletableFuture<CompletableFuture<T>> queued) {
        CompletableFuture<T> answer = queued.thenCompose(later -> later);
        answer.whenComplete((result, failure) -> {
            if (answer.isCancelled()) {
                queued.cancel(false);
            }
        });
        return answer;
    }
}
