package io.tributary.connect.transforms;

import io.tributary.connect.transforms.probe.ProbePair.Outcomes;

/** How two probe outcomes are compared: exactly, except that exception messages may be worded differently. */
final class Outcome {

    private static final String MESSAGE_MARKER = "\n  message=";

    private Outcome() {
    }

    static boolean sameAs(Outcomes outcomes) {
        return withoutMessage(outcomes.ours()).equals(withoutMessage(outcomes.reference()));
    }

    private static String withoutMessage(String outcome) {
        int at = outcome.indexOf(MESSAGE_MARKER);
        return at < 0 ? outcome : outcome.substring(0, at);
    }
}
