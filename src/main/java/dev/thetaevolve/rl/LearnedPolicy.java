package dev.thetaevolve.rl;

import dev.thetaevolve.mutate.BuiltinOperator;
import dev.thetaevolve.mutate.MutationPolicy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A stochastic {@link MutationPolicy} driven by a {@link PolicyNet}: samples the operator (among those
 * available), the location bucket and, for a literal perturbation, the magnitude bucket, from the
 * network's softmax heads given the parent's {@link PolicyFeatures}. Every decision is remembered under
 * a number that the sample carries ({@link dev.thetaevolve.mutate.Sample#decision()}), so the learner finds
 * the exact features, mask and log-probability of each committed child. Thread-safe.
 */
public final class LearnedPolicy implements MutationPolicy {

    private final PolicyFeatures features;
    private PolicyNet net;
    private final Map<Long, Decision> pending = new HashMap<>();
    private long nextId;

    LearnedPolicy(PolicyNet net, PolicyFeatures features) {
        this.net = net;
        this.features = features;
    }

    /** A decision as made: what the network saw and what it chose. */
    record Decision(double[] features, boolean[] opMask, int op, int loc, int mag, double logprob) {
        String describe() {
            return "op=" + BuiltinOperator.values()[op] + " loc=" + loc + " mag=" + mag + " features=" + Arrays.toString(features);
        }
    }

    @Override
    public synchronized Choice choose(PolicyContext ctx, RandomGenerator rng) {
        double[] x = features.of(ctx.request().parent());
        boolean[] mask = new boolean[PolicyNet.OPS];
        for (BuiltinOperator op : ctx.available()) mask[op.ordinal()] = true;
        double[] z = net.logits(x);
        int op = draw(PolicyNet.logSoftmax(z, 0, PolicyNet.OPS, mask), rng);
        int loc = draw(PolicyNet.logSoftmax(z, PolicyNet.OPS, PolicyNet.LOCS, null), rng);
        int mag = op == BuiltinOperator.PERTURB_LITERAL.ordinal()
                ? draw(PolicyNet.logSoftmax(z, PolicyNet.OPS + PolicyNet.LOCS, PolicyNet.MAGS, null), rng) : ANY;
        double lp = PolicyNet.logprob(z, mask, op, loc, mag);
        long id = nextId++;
        pending.put(id, new Decision(x, mask, op, loc, mag, lp));
        return new Choice(BuiltinOperator.values()[op], loc, mag, lp, id);
    }

    private static int draw(double[] logp, RandomGenerator rng) {
        double u = rng.nextDouble();
        int last = -1;
        for (int i = 0; i < logp.length; i++) {
            if (logp[i] == Double.NEGATIVE_INFINITY) continue;
            last = i;
            u -= Math.exp(logp[i]);
            if (u < 0) return i;
        }
        return last;
    }

    /** The decision numbered {@code id} (a sample's {@code decision}), removed from the pending set; empty when none. */
    synchronized Optional<Decision> take(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(pending.remove(id));
    }

    /** Forgets decisions whose samples never became committed children. */
    synchronized void clearPending() {
        pending.clear();
    }

    synchronized double update(java.util.List<PolicyNet.Example> batch, RlSettings s) {
        return net.update(batch, s.learningRate(), s.clipLow(), s.clipHigh());
    }

    synchronized byte[] checkpoint() {
        return net.toBytes();
    }

    synchronized void restore(byte[] bytes) {
        net = PolicyNet.fromBytes(bytes);
    }

    /** The probability of each operator for {@code x} with all operators available (for reports and tests). */
    public synchronized double[] operatorProbabilities(double[] x) {
        boolean[] all = new boolean[PolicyNet.OPS];
        Arrays.fill(all, true);
        double[] lp = PolicyNet.logSoftmax(net.logits(x), 0, PolicyNet.OPS, all);
        for (int i = 0; i < lp.length; i++) lp[i] = Math.exp(lp[i]);
        return lp;
    }

    /** Optimizer steps taken so far. */
    public synchronized long updates() {
        return net.steps();
    }

    PolicyFeatures features() {
        return features;
    }
}
