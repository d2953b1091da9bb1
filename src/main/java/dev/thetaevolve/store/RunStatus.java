package dev.thetaevolve.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a run stands, and the only moves between those states. Stored by name (a VARCHAR column), so a
 * state added later needs no migration; a state is never renamed.
 *
 * <pre>
 *   CREATED ──▶ RUNNING ──▶ FINISHED | BUDGET_EXHAUSTED | FAILED | STOPPED
 *      │          │  ▲ └──▶ STOPPING ──▶ STOPPED | FINISHED | BUDGET_EXHAUSTED | FAILED
 *      │          └──┘ (a new holder adopts a run left RUNNING)
 *      └──▶ STOPPED, FAILED
 *   STOPPED, FINISHED, BUDGET_EXHAUSTED, FAILED ──▶ RUNNING (resume)
 * </pre>
 *
 * STOPPING may still end FINISHED (or BUDGET_EXHAUSTED, FAILED): the stop was asked while the drive's last
 * step was committing. A run nobody drives goes from RUNNING or CREATED straight to STOPPED. Every status
 * write in the store names the states it may come from ({@link #predecessors()}), so a refused move is
 * caught in the same UPDATE that would make it.
 */
public enum RunStatus {
    /** Stored, never driven yet. */
    CREATED,
    /** A process holds (or held, if it died) the run's lease and drives it. */
    RUNNING,
    /** A stop was asked; the holder stops after its step in progress. */
    STOPPING,
    /** Stopped on request; resumable. */
    STOPPED,
    /** Its step or time budget is spent; resumable with a new budget. */
    FINISHED,
    /** The language model's token or cost budget is spent; resumable. */
    BUDGET_EXHAUSTED,
    /** The drive failed; the run's message says why. Resumable (the failed step is redone). */
    FAILED;

    /** The states this one may move to. */
    public Set<RunStatus> successors() {
        return switch (this) {
            case CREATED -> EnumSet.of(RUNNING, STOPPED, FAILED);
            case RUNNING -> EnumSet.of(RUNNING, STOPPING, STOPPED, FINISHED, BUDGET_EXHAUSTED, FAILED);
            case STOPPING -> EnumSet.of(STOPPED, FINISHED, BUDGET_EXHAUSTED, FAILED);
            case STOPPED, FINISHED, BUDGET_EXHAUSTED, FAILED -> EnumSet.of(RUNNING);
        };
    }

    /** The states that may move to this one. */
    public Set<RunStatus> predecessors() {
        Set<RunStatus> out = EnumSet.noneOf(RunStatus.class);
        for (RunStatus s : values()) if (s.successors().contains(this)) out.add(s);
        return out;
    }

    public boolean canBecome(RunStatus next) {
        return successors().contains(next);
    }

    /**
     * @return {@code next}
     * @throws IllegalStateException naming both states when the move is not allowed
     */
    public RunStatus checkMove(RunStatus next) {
        if (!canBecome(next)) throw refused(this, next);
        return next;
    }

    /** The error for a refused move {@code from} → {@code to}. */
    public static IllegalStateException refused(RunStatus from, RunStatus to) {
        return new IllegalStateException("a run cannot go from " + from + " to " + to + " (from " + from + " it may become "
                + from.successors() + ")");
    }

    /** Whether the run is being driven, or will be again without a resume (RUNNING, STOPPING). */
    public boolean live() {
        return this == RUNNING || this == STOPPING;
    }

    /** Whether a drive has ended: the run waits for a resume. */
    public boolean ended() {
        return this == STOPPED || this == FINISHED || this == BUDGET_EXHAUSTED || this == FAILED;
    }
}
