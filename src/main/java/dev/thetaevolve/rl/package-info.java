/**
 * Test-time RL: reward types and shaping ({@link dev.thetaevolve.rl.RewardFunction}), GRPO groups and
 * PPO-clip ({@link dev.thetaevolve.rl.Grpo}, {@link dev.thetaevolve.rl.Rollouts}), the rollout log
 * ({@link dev.thetaevolve.rl.RolloutSink}), an in-process DJL learner for the built-in mutation policy
 * ({@link dev.thetaevolve.rl.GrpoLearner}) and a bridge to an external trainer for LLM weights
 * ({@link dev.thetaevolve.rl.TrainerBridge}). Plain Java; both attach to the engine as step observers.
 */
package dev.thetaevolve.rl;
