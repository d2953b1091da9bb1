package dev.thetaevolve.rl;

import java.util.Objects;

/**
 * How a run learns. Immutable; built and validated by {@link #builder()}.
 *
 * <p>The learning rate: ThetaEvolve fine-tunes an 8B-parameter LLM at Adam lr 1e-6, where a tiny change
 * per weight adds up over billions of weights. Adam moves each weight by about lr per step whatever the
 * gradient's scale, so the 32-unit policy here at 1e-6 would need ~10^5 steps to move a logit by 0.1 —
 * a run has tens to hundreds of steps. The default 1e-2 moves a logit by roughly 0.1–0.3 per step at
 * most (its bias plus up to 32 hidden weights), so a consistently better operator gains noticeably
 * within ~20 steps while one noisy step cannot flip the policy. Chosen from that arithmetic and the toy
 * bandit test, not from the experiment's results.
 *
 * @param reward          reward type (RAW)
 * @param learningRate    Adam learning rate (1e-2)
 * @param clipLow         PPO-clip lower bound ε_low (0.2)
 * @param clipHigh        PPO-clip upper bound ε_high (0.28)
 * @param hidden          hidden units of the policy network (32)
 * @param policySeed      seed of the network's initial weights (0)
 * @param plannedSteps    steps the run plans, for the step-fraction feature (0 = unknown)
 * @param checkpointEvery save the policy every this many steps (1)
 */
public record RlSettings(RewardType reward, double learningRate, double clipLow, double clipHigh, int hidden,
                         long policySeed, int plannedSteps, int checkpointEvery) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private RewardType reward = RewardType.RAW;
        private double learningRate = 1e-2;
        private double clipLow = 0.2;
        private double clipHigh = 0.28;
        private int hidden = 32;
        private long policySeed;
        private int plannedSteps;
        private int checkpointEvery = 1;

        public Builder reward(RewardType v) { reward = Objects.requireNonNull(v, "reward"); return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder clipLow(double v) { clipLow = v; return this; }
        public Builder clipHigh(double v) { clipHigh = v; return this; }
        public Builder hidden(int v) { hidden = v; return this; }
        public Builder policySeed(long v) { policySeed = v; return this; }
        public Builder plannedSteps(int v) { plannedSteps = v; return this; }
        public Builder checkpointEvery(int v) { checkpointEvery = v; return this; }

        public RlSettings build() {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException("learningRate must be a finite number > 0, got '" + learningRate + "'");
            if (!(clipLow > 0 && clipLow < 1)) throw new IllegalArgumentException("clipLow must be in (0, 1), got '" + clipLow + "'");
            if (!(clipHigh > 0) || Double.isInfinite(clipHigh)) throw new IllegalArgumentException("clipHigh must be a finite number > 0, got '" + clipHigh + "'");
            if (hidden < 1 || hidden > 1024) throw new IllegalArgumentException("hidden must be in [1, 1024], got '" + hidden + "'");
            if (plannedSteps < 0) throw new IllegalArgumentException("plannedSteps must be >= 0, got '" + plannedSteps + "'");
            if (checkpointEvery < 1) throw new IllegalArgumentException("checkpointEvery must be >= 1, got '" + checkpointEvery + "'");
            return new RlSettings(reward, learningRate, clipLow, clipHigh, hidden, policySeed, plannedSteps, checkpointEvery);
        }
    }
}
