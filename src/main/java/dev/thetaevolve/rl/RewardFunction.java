package dev.thetaevolve.rl;

import dev.thetaevolve.evolve.ChildStatus;
import dev.thetaevolve.evolve.Rewards;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.Shaping;

import java.util.Objects;

/**
 * The reward of one child. Every non-valid child gets its ladder value (no diff −0.4, lazy −0.3, errors
 * −0.2, invalid output −0.1, too long / internal −1); a valid child gets, by {@link RewardType}:
 * <ul>
 *   <li>RAW: the objective (maximize) or 1/C (minimize);</li>
 *   <li>SHAPED: {@code M·t^α} with the problem's {@link Shaping} bounds;</li>
 *   <li>IMPROVEMENT: {@code max(−0.05, d)} with {@code d = (c − p)/max(|p|, 1e-12)} when maximizing and
 *       {@code (p − c)/max(|p|, 1e-12)} when minimizing, c the child's and p the parent's score; 1 when
 *       the parent had no score. The floor keeps every valid child above every invalid one;</li>
 *   <li>VALIDITY: 1.</li>
 * </ul>
 * Then NaN/Inf becomes −1 and the value is clipped to [−10, 10]. Immutable.
 */
public record RewardFunction(RewardType type, Direction direction, Shaping shaping) {
    /** Floor of an IMPROVEMENT reward: above the best ladder value (−0.1). */
    public static final double IMPROVEMENT_FLOOR = -0.05;

    public RewardFunction {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
        if (type == RewardType.SHAPED && shaping == null) {
            throw new IllegalArgumentException("reward 'shaped' needs shaping bounds (A, B, alpha, M) in the problem's spec");
        }
    }

    /** The function of {@code type} for the problem of {@code spec}. */
    public static RewardFunction of(RewardType type, ProblemSpec spec) {
        if (type == RewardType.SHAPED && spec.shaping() == null) {
            throw new IllegalArgumentException("reward 'shaped' needs shaping bounds, and problem " + spec.id() + " has none: choose raw, improvement or validity");
        }
        return new RewardFunction(type, spec.direction(), spec.shaping());
    }

    /**
     * @param status      where the child landed
     * @param score       its verified objective (non-null when valid)
     * @param parentScore its parent's objective, or null (used by IMPROVEMENT only)
     */
    public double reward(ChildStatus status, Double score, Double parentScore) {
        if (status != ChildStatus.VALID) return Rewards.clip(status.ladderReward());
        if (score == null) throw new IllegalArgumentException("a valid child needs a score");
        double r = switch (type) {
            case RAW -> direction == Direction.MAXIMIZE ? score : 1.0 / score;
            case SHAPED -> shaping.shape(score, direction);
            case VALIDITY -> 1.0;
            case IMPROVEMENT -> improvement(score, parentScore);
        };
        return Rewards.clip(r);
    }

    private double improvement(double child, Double parent) {
        if (parent == null) return 1.0;
        double d = (direction == Direction.MAXIMIZE ? child - parent : parent - child) / Math.max(Math.abs(parent), 1e-12);
        return Double.isNaN(d) ? d : Math.max(IMPROVEMENT_FLOOR, d);
    }
}
