package dev.thetaevolve.evolve;

import dev.thetaevolve.evaluate.Verdict;
import dev.thetaevolve.problem.Problem;

/** Lets tests outside this package evaluate a problem's seed with the in-process fake. */
public final class InProcessEvaluatorAccess {
    public Verdict evaluate(Problem problem) {
        return new InProcessEvaluator().evaluate(problem.seedSource(), problem, 0);
    }
}
