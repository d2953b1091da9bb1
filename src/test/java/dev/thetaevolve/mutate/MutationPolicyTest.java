package dev.thetaevolve.mutate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy seam of {@link BuiltinMutator}: location focus, magnitude buckets, tags, fallbacks. */
class MutationPolicyTest {
    private static final Pattern PERTURB = Pattern.compile("perturb literal (\\S+) -> (\\S+) at line (\\d+)");

    /** 24 evolvable lines (3..26), each with one real literal. */
    private static final String PROGRAM;

    static {
        StringBuilder b = new StringBuilder("public class C {\n    public static double[] solve() {\n        // EVOLVE-BLOCK-START\n");
        b.append("        double[] x = new double[24];\n");
        for (int i = 0; i < 23; i++) b.append("        x[").append(i).append("] = ").append(1.5 + i).append(";\n");
        b.append("        // EVOLVE-BLOCK-END\n        return x;\n    }\n}\n");
        PROGRAM = b.toString();
    }

    private static List<Sample> sample(MutationPolicy policy, int n) {
        MutationRequest request = new MutationRequest(null, new Parent(0, PROGRAM, 1.0, null, null), List.of(), n, 7);
        List<Sample> out = new ArrayList<>();
        BuiltinMutator.builder().policy(policy).build().sample(request).forEach(f -> out.add(f.join()));
        return out;
    }

    private static MutationPolicy fixed(BuiltinOperator op, int location, int magnitude, List<MutationPolicy.PolicyContext> seen) {
        return (ctx, rng) -> {
            seen.add(ctx);
            return new MutationPolicy.Choice(op, location, magnitude, -1.5, 100L + ctx.sampleIndex());
        };
    }

    @ParameterizedTest(name = "location {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void sample_perturbStaysInsideTheChosenLocationBucket(int location) {
        // evolvable lines are source lines 4..27 (1-based); bucket k holds 6 of them
        int first = 4 + 6 * location, last = first + 5;
        List<MutationPolicy.PolicyContext> seen = new ArrayList<>();
        for (Sample s : sample(fixed(BuiltinOperator.PERTURB_LITERAL, location, MutationPolicy.ANY, seen), 20)) {
            Matcher m = PERTURB.matcher(s.summary());
            assertThat(m.find()).as(s.summary()).isTrue();
            assertThat(Integer.parseInt(m.group(3))).isBetween(first, last);
        }
        assertThat(seen).hasSize(20);
        assertThat(seen.get(3).sampleIndex()).isEqualTo(3);
        assertThat(seen.get(0).available()).doesNotContain(BuiltinOperator.CROSSOVER); // no donors
    }

    @Test
    void sample_smallMagnitudeGivesSmallChangesAndTheSampleCarriesTheDecision() {
        List<Sample> samples = sample(fixed(BuiltinOperator.PERTURB_LITERAL, MutationPolicy.ANY, 0, new ArrayList<>()), 30);
        for (int i = 0; i < samples.size(); i++) {
            Matcher m = PERTURB.matcher(samples.get(i).summary());
            assertThat(m.find()).isTrue();
            double before = Double.parseDouble(m.group(1)), after = Double.parseDouble(m.group(2));
            // bucket 0: scale <= 1e-4 * (0.3/1e-4)^(1/3) = 1.44e-3, so |log ratio| <= 1.44e-3 * |z|, |z| < 6
            assertThat(Math.abs(Math.log(after / before))).isLessThan(0.01);
            assertThat(samples.get(i).decision()).isEqualTo(100L + i);
            assertThat(samples.get(i).summary()).as("the decision is a field, not text").doesNotContain("100");
        }
    }

    @Test
    void sample_operatorWithNothingInItsBucketFallsBackAndKeepsTheDecision() {
        // the block has no for loop: LOOP_BOUND finds nothing anywhere, the roulette takes over
        List<Sample> samples = sample(fixed(BuiltinOperator.LOOP_BOUND, 1, MutationPolicy.ANY, new ArrayList<>()), 5);
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.summary()).doesNotContain("loop bound");
            assertThat(s.decision()).isNotNull();
        });
    }

    @Test
    void sample_policyChoosingAnUnavailableOperatorFailsTheSample() {
        MutationRequest request = new MutationRequest(null, new Parent(0, PROGRAM, 1.0, null, null), List.of(), 1, 7);
        var f = BuiltinMutator.builder().policy(fixed(BuiltinOperator.CROSSOVER, 0, MutationPolicy.ANY, new ArrayList<>())).build().sample(request).get(0);
        assertThatThrownBy(f::join).hasMessageContaining("policy chose CROSSOVER");
    }
}
