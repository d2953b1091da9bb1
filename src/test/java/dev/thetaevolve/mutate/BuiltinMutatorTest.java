package dev.thetaevolve.mutate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import org.codehaus.janino.SimpleCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltinMutatorTest {

    static final String PARENT = """
            import java.util.Arrays;

            public class Cand {
                // EVOLVE-BLOCK-START
                public static double[] solve() {
                    int n = 8;
                    double[] x = new double[n];
                    double scale = 0.25;
                    for (int i = 0; i < n; i++) {
                        x[i] = Math.min(1.0, scale * i + 0.5);
                        x[i] = x[i] / 2.0;
                    }
                    x[0] = x[0] - 0.125;
                    x[1] = x[1] * 3.0;
                    return x;
                }
                // EVOLVE-BLOCK-END

                public static void main(String[] args) {
                    double k = 3.5;
                    for (int j = 0; j < 3; j++) System.out.println(Arrays.toString(solve()) + k);
                }
            }
            """;

    static final String DONOR = PARENT.replace("""
                    int n = 8;
                    double[] x = new double[n];
                    double scale = 0.25;
            """, """
                    int n = 8;
                    double[] x = new double[n];
                    double scale = 0.1; // donor's idea
                    x[7] = 0.75;
            """);

    private static Problem problem() {
        return ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
    }

    private static MutationRequest request(String code, List<Parent> inspirations, int samples, long seed) {
        return new MutationRequest(problem(), new Parent(1, code, null, Map.of(), null), inspirations, samples, seed);
    }

    private static List<Sample> samples(Mutator mutator, MutationRequest request) {
        List<CompletableFuture<Sample>> futures = mutator.sample(request);
        assertThat(futures).hasSize(request.samples()).allMatch(CompletableFuture::isDone);
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @ParameterizedTest
    @EnumSource(BuiltinOperator.class)
    void sample_eachOperator_yieldsADifferentCompilingChildThroughDiffFormat(BuiltinOperator op) throws Exception {
        BuiltinMutator mutator = BuiltinMutator.builder().only(op).build();
        List<Parent> donors = List.of(new Parent(42, DONOR, 0.5, Map.of(), null));
        for (Sample s : samples(mutator, request(PARENT, donors, 20, 7))) {
            DiffFormat.Result r = DiffFormat.apply(PARENT, s.text());
            assertThat(r.status()).as(s.summary()).isEqualTo(DiffFormat.Status.APPLIED);
            assertThat(r.applied()).isEqualTo(1);
            assertThat(CodeNormalizer.isLazy(PARENT, r.code())).as(s.summary()).isFalse();
            new SimpleCompiler().cook(r.code()); // throws when the child does not compile
            assertThat(s.model()).isEqualTo("builtin");
            assertThat(s.summary()).doesNotContain("\n");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "PERTURB_LITERAL, perturb literal ",
            "SWAP_OPERATOR, swap ",
            "DUPLICATE_STATEMENT, duplicate statement at line ",
            "DELETE_STATEMENT, delete statement at line ",
            "SWAP_STATEMENTS, swap statements at lines ",
            "LOOP_BOUND, loop bound i < n -> i < n ",
            "CROSSOVER, crossover: body of solve() at line 5 from program 42"})
    void sample_eachOperator_summarizesTheChange(BuiltinOperator op, String prefix) {
        List<Parent> donors = List.of(new Parent(42, DONOR, 0.5, Map.of(), null));
        for (Sample s : samples(BuiltinMutator.builder().only(op).build(), request(PARENT, donors, 5, 3))) {
            assertThat(s.summary()).startsWith(prefix);
        }
    }

    @Test
    void sample_perturbLiteral_changesOneLiteralOnOneLine() {
        for (Sample s : samples(BuiltinMutator.builder().only(BuiltinOperator.PERTURB_LITERAL).build(), request(PARENT, List.of(), 30, 11))) {
            String child = DiffFormat.apply(PARENT, s.text()).code();
            List<String> a = PARENT.lines().toList();
            List<String> b = child.lines().toList();
            assertThat(b).hasSameSizeAs(a);
            long changed = java.util.stream.IntStream.range(0, a.size()).filter(i -> !a.get(i).equals(b.get(i))).count();
            assertThat(changed).as(s.summary()).isEqualTo(1);
        }
    }

    @Test
    void sample_sameRequest_yieldsIdenticalSamples() {
        BuiltinMutator mutator = BuiltinMutator.create();
        List<Parent> donors = List.of(new Parent(42, DONOR, 0.5, Map.of(), null));
        assertThat(samples(mutator, request(PARENT, donors, 16, 99))).isEqualTo(samples(BuiltinMutator.create(), request(PARENT, donors, 16, 99)));
    }

    @Test
    void sample_differentSeeds_yieldDifferentSamples() {
        BuiltinMutator mutator = BuiltinMutator.create();
        assertThat(samples(mutator, request(PARENT, List.of(), 8, 1))).isNotEqualTo(samples(mutator, request(PARENT, List.of(), 8, 2)));
    }

    @Test
    void sample_samplesOfOneRequest_areNotAllTheSame() {
        List<Sample> s = samples(BuiltinMutator.create(), request(PARENT, List.of(), 16, 5));
        assertThat(s.stream().map(Sample::text).distinct().count()).isGreaterThan(8);
    }

    @Test
    void sample_crossover_takesTheDonorBody() {
        List<Parent> donors = List.of(new Parent(42, DONOR, 0.5, Map.of(), null));
        Sample s = samples(BuiltinMutator.builder().only(BuiltinOperator.CROSSOVER).build(), request(PARENT, donors, 1, 0)).get(0);
        String child = DiffFormat.apply(PARENT, s.text()).code();
        assertThat(child).isEqualTo(DONOR);
        assertThat(s.summary()).endsWith("from program 42");
    }

    @Test
    void sample_crossoverWithoutDonors_completesExceptionally() {
        List<CompletableFuture<Sample>> f = BuiltinMutator.builder().only(BuiltinOperator.CROSSOVER).build().sample(request(PARENT, List.of(), 2, 0));
        assertThat(f).hasSize(2).allMatch(CompletableFuture::isCompletedExceptionally);
        assertThatThrownBy(() -> f.get(0).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("no built-in operator could change");
    }

    @Test
    void sample_crossoverWithIdenticalDonor_findsNothing() {
        List<Parent> donors = List.of(new Parent(42, PARENT.replace("// EVOLVE-BLOCK-END", "// EVOLVE-BLOCK-END // same"), 0.5, Map.of(), null));
        List<CompletableFuture<Sample>> f = BuiltinMutator.builder().only(BuiltinOperator.CROSSOVER).build().sample(request(PARENT, donors, 1, 0));
        assertThat(f.get(0)).isCompletedExceptionally();
    }

    @Test
    void sample_unparseableParent_completesExceptionallyWithReason() {
        List<CompletableFuture<Sample>> f = BuiltinMutator.create().sample(request("public class X { void f( }", List.of(), 3, 0));
        assertThat(f).hasSize(3).allMatch(CompletableFuture::isCompletedExceptionally);
        assertThatThrownBy(() -> f.get(0).join()).hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not parse");
    }

    @Test
    void sample_crlfParent_yieldsDiffThatApplies() {
        String crlf = PARENT.replace("\n", "\r\n");
        for (Sample s : samples(BuiltinMutator.create(), request(crlf, List.of(), 10, 4))) {
            assertThat(DiffFormat.apply(crlf, s.text()).status()).isEqualTo(DiffFormat.Status.APPLIED);
        }
    }

    @Test
    void sample_codeOutsideEvolveBlock_isNeverMutated() {
        // main() holds literals, a loop and operators too; the guard would reject any change there
        for (Sample s : samples(BuiltinMutator.create(), request(PARENT, List.of(), 200, 8))) {
            assertThat(DiffFormat.apply(PARENT, s.text()).hasChild()).as(s.summary()).isTrue();
        }
    }

    @Test
    void builder_negativeWeight_isRejectedWithTheOptionName() {
        assertThatThrownBy(() -> BuiltinMutator.builder().weight(BuiltinOperator.LOOP_BOUND, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("weight of LOOP_BOUND must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> BuiltinMutator.builder().weight(BuiltinOperator.LOOP_BOUND, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got NaN");
    }

    @Test
    void builder_allWeightsZero_isAConflict() {
        BuiltinMutator.Builder b = BuiltinMutator.builder();
        for (BuiltinOperator op : BuiltinOperator.values()) b.weight(op, 0);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("at least one operator weight must be > 0");
    }

    @ParameterizedTest
    @CsvSource({"0.037, ''", "1e-3, ''", "2.5f, f", "7.0D, D", "0.0, ''", "1_000.5, ''", "3., ''"})
    void perturbReal_literals_keepSignAndSuffixAndChange(String literal, String suffix) {
        SplittableRandom rnd = new SplittableRandom(3);
        double old = Double.parseDouble(literal.replace("_", ""));
        for (int i = 0; i < 200; i++) {
            String next = LiteralPerturbation.perturbReal(literal, rnd).orElseThrow();
            assertThat(next).endsWith(suffix).doesNotStartWith("-");
            double v = Double.parseDouble(next);
            assertThat(v).isNotEqualTo(old).isPositive();
            if (old != 0) assertThat(v / old).isBetween(0.01, 100.0);
        }
    }

    @Test
    void perturbReal_manySteps_coverFineAndBoldScales() {
        SplittableRandom rnd = new SplittableRandom(1);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < 2000; i++) ratios.add(Math.abs(Double.parseDouble(LiteralPerturbation.perturbReal("0.5", rnd).orElseThrow()) / 0.5 - 1));
        assertThat(ratios).anyMatch(r -> r < 1e-3).anyMatch(r -> r > 0.1);
    }

    @ParameterizedTest
    @CsvSource({"0, false", "1, false", "26, false", "1_000, false", "10L, true"})
    void stepInteger_literals_neverNegativeAndChange(String literal, boolean isLong) {
        SplittableRandom rnd = new SplittableRandom(5);
        long old = Long.parseLong(literal.replace("_", "").replace("L", ""));
        for (int i = 0; i < 200; i++) {
            String next = LiteralPerturbation.stepInteger(literal, isLong, rnd).orElseThrow();
            long v = Long.parseLong(next.replace("L", ""));
            assertThat(v).isNotEqualTo(old).isNotNegative();
            assertThat(next.endsWith("L")).isEqualTo(isLong);
        }
    }

    @ParameterizedTest
    @CsvSource({"0x1F", "017", "0b101"})
    void stepInteger_nonDecimalLiteral_isLeftAlone(String literal) {
        assertThat(LiteralPerturbation.stepInteger(literal, false, new SplittableRandom(1))).isEmpty();
    }

    @Test
    void hillClimb_circlePacking300Children_beatsTheSeed() {
        Problem problem = problem();
        HillClimb climb = new HillClimb(problem, BuiltinMutator.create(), 2000);
        HillClimb.Outcome o = climb.run(problem.seedSource(), 300, 8, 1, p -> { });
        assertThat(o.seedScore()).isCloseTo(0.962, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(o.bestScore()).isGreaterThan(o.seedScore() + 0.1);
        assertThat(climb.evaluate(o.bestCode())).hasValue(o.bestScore()); // the best is a real, strictly valid program
    }
}
