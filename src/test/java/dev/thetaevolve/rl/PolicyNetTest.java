package dev.thetaevolve.rl;

import dev.thetaevolve.mutate.BuiltinOperator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PolicyNetTest {

    private static double[] prior() {
        double[] p = new double[PolicyNet.OPS];
        for (BuiltinOperator op : BuiltinOperator.values()) p[op.ordinal()] = op.defaultWeight();
        return p;
    }

    private static double[] features(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[PolicyNet.FEATURES];
        x[0] = 1;
        for (int i = 1; i < x.length; i++) x[i] = r.nextDouble();
        return x;
    }

    private static boolean[] all() {
        boolean[] m = new boolean[PolicyNet.OPS];
        Arrays.fill(m, true);
        return m;
    }

    @Test
    void init_operatorHeadEqualsPriorAndOtherHeadsUniform() {
        PolicyNet net = PolicyNet.init(16, 1, prior());
        double[] z = net.logits(features(3));
        double[] ops = PolicyNet.logSoftmax(z, 0, PolicyNet.OPS, null);
        assertThat(Math.exp(ops[BuiltinOperator.PERTURB_LITERAL.ordinal()])).isCloseTo(0.62, within(1e-9));
        for (double l : PolicyNet.logSoftmax(z, PolicyNet.OPS, PolicyNet.LOCS, null)) assertThat(Math.exp(l)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void logSoftmax_maskedEntriesAreExcluded() {
        double[] z = {1, 2, 3};
        double[] lp = PolicyNet.logSoftmax(z, 0, 3, new boolean[] {true, false, true});
        assertThat(lp[1]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Math.exp(lp[0]) + Math.exp(lp[2])).isCloseTo(1, within(1e-12));
        assertThat(lp[2] - lp[0]).isCloseTo(2, within(1e-12));
    }

    @Test
    void update_lossEqualsMinusMeanSurrogateComputedInJava() {
        PolicyNet net = PolicyNet.init(8, 2, prior());
        List<PolicyNet.Example> batch = new ArrayList<>();
        double expected = 0;
        boolean[] mask = all();
        mask[BuiltinOperator.CROSSOVER.ordinal()] = false;
        int[][] actions = {{0, 1, 2}, {1, 3, -1}, {0, 0, 0}, {5, 2, -1}};
        double[] adv = {1.5, -0.7, 0.4, -1.2};
        double[] shift = {0.5, -0.5, 0.1, 0.0}; // old logprobs off by these: ratios e^-0.5, e^0.5 hit the clip
        for (int i = 0; i < actions.length; i++) {
            double[] x = features(10 + i);
            double lp = PolicyNet.logprob(net.logits(x), mask, actions[i][0], actions[i][1], actions[i][2]);
            batch.add(new PolicyNet.Example(x, mask, actions[i][0], actions[i][1], actions[i][2], lp + shift[i], adv[i]));
            expected -= Grpo.surrogate(lp, lp + shift[i], adv[i], 0.2, 0.28) / actions.length;
        }
        assertThat(net.update(batch, 1e-3, 0.2, 0.28)).isCloseTo(expected, within(1e-9));
        assertThat(net.steps()).isEqualTo(1);
    }

    @Test
    void update_positiveAdvantageRaisesTheActionsProbability() {
        PolicyNet net = PolicyNet.init(8, 4, prior());
        double[] x = features(5);
        int op = BuiltinOperator.LOOP_BOUND.ordinal();
        double before = PolicyNet.logprob(net.logits(x), all(), op, 2, -1);
        for (int k = 0; k < 5; k++) {
            double lp = PolicyNet.logprob(net.logits(x), all(), op, 2, -1);
            net.update(List.of(new PolicyNet.Example(x, all(), op, 2, -1, lp, 1.0)), 1e-2, 0.2, 0.28);
        }
        assertThat(PolicyNet.logprob(net.logits(x), all(), op, 2, -1)).isGreaterThan(before + 0.05);
    }

    @Test
    void toBytes_roundTripKeepsParametersAndAdamState() {
        PolicyNet a = PolicyNet.init(8, 6, prior());
        double[] x = features(7);
        double lp = PolicyNet.logprob(a.logits(x), all(), 0, 1, 1);
        PolicyNet.Example e = new PolicyNet.Example(x, all(), 0, 1, 1, lp, 0.8);
        a.update(List.of(e), 1e-2, 0.2, 0.28);
        PolicyNet b = PolicyNet.fromBytes(a.toBytes());
        assertThat(b.logits(x)).containsExactly(a.logits(x));
        assertThat(b.steps()).isEqualTo(1);
        a.update(List.of(e), 1e-2, 0.2, 0.28);
        b.update(List.of(e), 1e-2, 0.2, 0.28);
        assertThat(b.toBytes()).isEqualTo(a.toBytes());
    }

    @Test
    void fromBytes_rejectsForeignOrTruncatedBytes() {
        byte[] good = PolicyNet.init(4, 1, prior()).toBytes();
        assertThatThrownBy(() -> PolicyNet.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad magic");
        assertThatThrownBy(() -> PolicyNet.fromBytes(Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }
}
