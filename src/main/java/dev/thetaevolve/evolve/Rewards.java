package dev.thetaevolve.evolve;

import dev.thetaevolve.problem.Direction;

/** The raw reward of a valid child: the objective when maximizing, 1/C when minimizing; NaN/Inf → −1, clipped to [−10, 10]. */
public final class Rewards {
    private Rewards() {
    }

    public static double raw(Direction direction, double score) {
        double r = direction == Direction.MAXIMIZE ? score : 1.0 / score;
        return clip(r);
    }

    public static double clip(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) return -1.0;
        return Math.max(-10.0, Math.min(10.0, r));
    }

    /** Higher-is-better fitness for the index: the score, negated when minimizing. */
    public static double fitness(Direction direction, double score) {
        return direction == Direction.MAXIMIZE ? score : -score;
    }
}
