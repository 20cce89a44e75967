package io.tributary.connect.plugins;

/**
 * Makes a class loader the current thread's context class loader until closed, so code that
 * looks up classes or ServiceLoader providers through the context loader sees the plugin's view.
 * Use with try-with-resources on the thread that created it.
 */
public final class LoaderSwap implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    private LoaderSwap(Thread thread, ClassLoader previous) {
        this.thread = thread;
        this.previous = previous;
    }

    public static LoaderSwap swapTo(ClassLoader loader) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        return new LoaderSwap(current, previous);
    }

    /** The context class loader that was in place before this swap and comes back on close. */
    public ClassLoader previous() {
        return previous;
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
