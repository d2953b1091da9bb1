package dev.thetaevolve.llm;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls of one step. {@link #cancel()} at the step's end fails the queued ones and aborts the open
 * exchanges (the server sees the connection close), so no late sample leaks into the next step.
 * Thread-safe; a cancelled scope refuses new calls.
 */
public final class SamplingScope implements AutoCloseable {
    private final SamplingClient owner;
    private final Set<SamplingClient.Task> tasks = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    SamplingScope(SamplingClient owner) {
        this.owner = owner;
    }

    SamplingClient owner() {
        return owner;
    }

    void add(SamplingClient.Task t) {
        tasks.add(t);
    }

    void remove(SamplingClient.Task t) {
        tasks.remove(t);
    }

    /** Calls not yet completed. */
    public int outstanding() {
        return tasks.size();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Cancels every outstanding call; returns how many were outstanding. */
    public int cancel() {
        cancelled = true;
        List<SamplingClient.Task> outstanding = List.copyOf(tasks);
        for (SamplingClient.Task t : outstanding) t.result.cancel(false);
        return outstanding.size();
    }

    @Override
    public void close() {
        cancel();
    }
}
