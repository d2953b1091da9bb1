package dev.thetaevolve.rl;

import java.util.List;
import java.util.Objects;

/**
 * One sample of a step as RL sees it.
 *
 * @param step      the step that produced it
 * @param group     its GRPO group: the samples of one parent in one step ("s12-p345")
 * @param childId   the committed child's id
 * @param parentId  its parent's id
 * @param input     what the policy saw: the prompt (LLM) or the mutation decision and parent features (built-in)
 * @param output    what it produced: the completion text (LLM) or the mutation summary (built-in)
 * @param status    where the child landed on the ladder (enum name)
 * @param reward    the reward under the run's {@link RewardFunction}
 * @param advantage {@code (reward − group mean)/(group std + 1e-6)}
 * @param logprobs  log-probabilities of the output under the sampling policy: one per token (LLM), one per
 *                  decision (built-in), empty when not known
 */
public record Rollout(int step, String group, long childId, long parentId, String input, String output, String status,
                      double reward, double advantage, List<Double> logprobs) {
    public Rollout {
        Objects.requireNonNull(group, "group");
        input = input == null ? "" : input;
        output = output == null ? "" : output;
        logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
    }

    /** The group key of a parent's samples in a step. */
    public static String group(int step, long parentId) {
        return "s" + step + "-p" + parentId;
    }
}
