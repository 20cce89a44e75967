package io.tributary.connect.cli;

/** Startup failure messages that show every distinct cause, since the root cause is usually what to fix. */
final class StartupMessages {

    private StartupMessages() {
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
