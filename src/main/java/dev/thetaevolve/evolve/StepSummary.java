package dev.thetaevolve.evolve;

/**
 * What one committed step did.
 *
 * @param step        step number, from 1
 * @param children    children committed
 * @param valid       of which valid
 * @param bestScore   the run's best verified score after this step (null while none)
 * @param bestId      its program id (-1 while none)
 * @param millis      wall time of the step, commit included
 * @param evaluations children that reached the evaluator
 */
public record StepSummary(int step, int children, int valid, Double bestScore, long bestId, long millis, int evaluations) {
}
