package dev.thetaevolve.rl;

/**
 * The arithmetic of GRPO as ThetaEvolve runs it: group-normalized advantages and the PPO-clip surrogate
 * with asymmetric bounds, no KL term.
 */
public final class Grpo {
    /** Added to the group's standard deviation. */
    public static final double EPS = 1e-6;

    private Grpo() {
    }

    /**
     * {@code (r − mean)/(std + 1e-6)} over one group, std the population standard deviation (so a group
     * of one, or of equal rewards, gets advantages of 0).
     */
    public static double[] advantages(double[] rewards) {
        if (rewards.length == 0) return new double[0];
        double mean = 0;
        for (double r : rewards) mean += r;
        mean /= rewards.length;
        double var = 0;
        for (double r : rewards) var += (r - mean) * (r - mean);
        double std = Math.sqrt(var / rewards.length);
        double[] a = new double[rewards.length];
        for (int i = 0; i < a.length; i++) a[i] = (rewards[i] - mean) / (std + EPS);
        return a;
    }

    /**
     * The PPO-clip surrogate of one action (to be maximized):
     * {@code min(ρ·A, clip(ρ, 1 − low, 1 + high)·A)} with {@code ρ = exp(logp − oldLogp)}.
     */
    public static double surrogate(double logp, double oldLogp, double advantage, double clipLow, double clipHigh) {
        double ratio = Math.exp(logp - oldLogp);
        double clipped = Math.max(1 - clipLow, Math.min(1 + clipHigh, ratio));
        return Math.min(ratio * advantage, clipped * advantage);
    }
}
