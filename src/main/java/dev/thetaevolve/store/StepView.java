package dev.thetaevolve.store;

import java.time.Instant;

/** A committed step as the rest of the application sees it. */
public record StepView(long runId, int step, int children, int valid, Double bestScore, long bestSeq, long millis, int evaluations,
                       Instant createdAt) {

    static StepView of(StepEntity e) {
        return e == null ? null : new StepView(e.runId, e.step, e.children, e.valid, e.bestScore, e.bestSeq, e.millis, e.evaluations, e.createdAt);
    }
}
