package dev.thetaevolve.rl;

import dev.thetaevolve.evolve.StepObserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a committed step into GRPO rollouts: one per child, rewarded by a {@link RewardFunction}, grouped
 * by parent (a group holds the samples of one parent in the step: K, or a multiple of K when the parent was
 * drawn more than once) and given group-normalized advantages ({@link Grpo#advantages}).
 */
public final class Rollouts {
    private Rollouts() {
    }

    /** How a child reads as policy input and output. */
    public interface Describer {
        String input(StepObserver.Child child);

        String output(StepObserver.Child child);

        List<Double> logprobs(StepObserver.Child child);
    }

    /** For language-model samples: input = the prompt the model saw, output = the raw sample text, its logprobs. */
    public static Describer completions() {
        return completions(c -> c.sample().prompt() == null ? "" : c.sample().prompt());
    }

    /**
     * For language-model samples: input = the prompt from {@code prompts}, output = the raw sample text,
     * the sample's token logprobs (empty when the server returned none).
     */
    public static Describer completions(java.util.function.Function<StepObserver.Child, String> prompts) {
        return new Describer() {
            @Override
            public String input(StepObserver.Child c) {
                return prompts.apply(c);
            }

            @Override
            public String output(StepObserver.Child c) {
                return c.sample().text();
            }

            @Override
            public List<Double> logprobs(StepObserver.Child c) {
                return c.sample().logprobs();
            }
        };
    }

    /** The rollouts of {@code children} (in their order). */
    public static List<Rollout> of(int step, List<StepObserver.Child> children, RewardFunction rewards, Describer describer) {
        double[] r = new double[children.size()];
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < r.length; i++) {
            StepObserver.Child c = children.get(i);
            r[i] = rewards.reward(c.record().status(), c.record().score(), c.parent().score());
            groups.computeIfAbsent(Rollout.group(step, c.record().parentId()), k -> new ArrayList<>()).add(i);
        }
        double[] adv = new double[r.length];
        for (List<Integer> members : groups.values()) {
            double[] gr = new double[members.size()];
            for (int j = 0; j < gr.length; j++) gr[j] = r[members.get(j)];
            double[] ga = Grpo.advantages(gr);
            for (int j = 0; j < gr.length; j++) adv[members.get(j)] = ga[j];
        }
        List<Rollout> out = new ArrayList<>(r.length);
        for (int i = 0; i < r.length; i++) {
            StepObserver.Child c = children.get(i);
            out.add(new Rollout(step, Rollout.group(step, c.record().parentId()), c.record().id(), c.record().parentId(),
                    describer.input(c), describer.output(c), c.record().status().name(), r[i], adv[i], describer.logprobs(c)));
        }
        return out;
    }
}
