/** Rewards and reward shaping, GRPO groups, the rollout log, the learner and the trainer bridge. */
package dev.thetaevolve.rl;
