package io.tributary.connect.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Keeps every failure reported to it. */
final class RecordingReporter implements ErrorReporter {

    final List<ProcessingFailure> failures = new ArrayList<>();

    @Override
    public CompletableFuture<Void> report(ProcessingFailure failure) {
        failures.add(failure);
        return CompletableFuture.completedFuture(null);
    }
}
