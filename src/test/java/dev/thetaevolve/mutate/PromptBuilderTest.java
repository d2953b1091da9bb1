package dev.thetaevolve.mutate;

import dev.thetaevolve.llm.CharEstimateCounter;
import dev.thetaevolve.llm.HfTokenCounter;
import dev.thetaevolve.llm.TestTokenizer;
import dev.thetaevolve.problem.BestKnown;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.Shaping;
import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromptBuilderTest {
    static final String CODE = """
            public class Packing {
                public static double[][] solve() {
                    // EVOLVE-BLOCK-START
                    double[][] c = new double[26][3];
                    double step = 0.01;
                    return c;
                    // EVOLVE-BLOCK-END
                }
            }
            """;

    static Problem problem(Direction direction) {
        ProblemSpec spec = new ProblemSpec("circle_packing_26", "Pack 26 circles", direction, ReturnType.DOUBLE_MATRIX,
                10_000, 0, new BestKnown(2.6358627564136983, "AlphaEvolve 2025"), new Shaping(0, 2.635, 3, 5),
                "Place 26 disjoint circles in the unit square; maximize the sum of radii.\n", Path.of("Seed.java"));
        return new Problem(spec, (output, tolerance) -> Verification.invalid("not used"));
    }

    static MutationRequest request(String feedback, List<Parent> inspirations) {
        Parent parent = new Parent(7, CODE, 2.6098765432101234, Map.of("min_gap", 1.0E-9, "radii_sum", 2.6098765432101234), feedback);
        return new MutationRequest(problem(Direction.MAXIMIZE), parent, inspirations, 4, 1);
    }

    @Test
    void build_matchesGoldenText() throws Exception {
        Parent other = new Parent(3, CODE.replace("0.01", "0.02"), 2.5, Map.of(), null);
        Prompt p = new PromptBuilder(new CharEstimateCounter(), 100_000)
                .build(request("RUNTIME: java.lang.ArrayIndexOutOfBoundsException: Index 26 out of bounds for length 26\n\tat Packing.solve(Packing.java:5)", List.of(other)));

        Path file = Path.of("src/test/resources/dev/thetaevolve/mutate/prompt-golden.txt");
        String actual = "SYSTEM:\n" + p.system() + "\nUSER:\n" + p.user();
        // after a deliberate template change: mvn test -Dtest=PromptBuilderTest -Dgolden.update=true, then review the diff
        if (Boolean.getBoolean("golden.update")) Files.writeString(file, actual);
        assertThat(actual).isEqualTo(Files.readString(file));
        assertThat(p.exactCount()).isFalse();
        assertThat(p.inspirationsKept()).isEqualTo(1);
    }

    @Test
    void build_searchMode_matchesGoldenText() throws Exception {
        dev.thetaevolve.problem.Problem cp26 = dev.thetaevolve.problem.ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
        String code = cp26.seedSource(dev.thetaevolve.problem.Mode.SEARCH);
        Parent parent = new Parent(9, code, 2.6154716163, Map.of("sum_radii", 2.6154716163, "search_hops", 3.0, "search_warm_start", 1.0), null);
        Parent other = new Parent(4, code.replace("intensity * N / 6", "intensity * N / 3"), 2.61, Map.of(), null);
        Prompt p = new PromptBuilder(new CharEstimateCounter(), 100_000)
                .build(new MutationRequest(cp26, parent, List.of(other), 2, 1, dev.thetaevolve.problem.Mode.SEARCH, 2000));

        Path file = Path.of("src/test/resources/dev/thetaevolve/mutate/prompt-search-golden.txt");
        String actual = "SYSTEM:\n" + p.system() + "\nUSER:\n" + p.user();
        // after a deliberate template or seed change: mvn test -Dtest=PromptBuilderTest -Dgolden.update=true, then review the diff
        if (Boolean.getBoolean("golden.update")) Files.writeString(file, actual);
        assertThat(actual).isEqualTo(Files.readString(file));
        assertThat(p.user()).contains("basin-hopping harness", "calls them for 2000 ms", "warm start",
                "public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos)",
                "double violation(c)", "Lbfgs.minimize(");
        assertThat(p.user()).doesNotContain("public static double[][] solve()");
        // issue 13's layout: the harness first, read-only inspirations, the program to edit last before the instructions
        String u = p.user();
        int lastJava = u.lastIndexOf("```java\n");
        assertThat(u.substring(lastJava)).startsWith("```java\n" + code.stripTrailing());
        assertThat(u.indexOf("# How the program is run: search mode")).isLessThan(u.indexOf("## Inspiration 1 (score 2.61), read-only"));
        assertThat(u.indexOf("# Current program: the one to edit")).isGreaterThan(u.indexOf("## Inspiration 1"));
        assertThat(u.indexOf("# How to answer")).isGreaterThan(lastJava);
        assertThat(p.inspirationsKept()).isEqualTo(1);
    }

    @Test
    void build_putsTheProgramToEditLastAfterReadOnlyInspirations() {
        Parent other = new Parent(3, CODE.replace("0.01", "0.02"), 2.5, Map.of(), null);
        Prompt p = new PromptBuilder(new CharEstimateCounter(), 100_000).build(request("RUNTIME: boom", List.of(other, other)));
        String u = p.user();

        int lastJava = u.lastIndexOf("```java\n");
        assertThat(u.substring(lastJava)).startsWith("```java\n" + CODE.stripTrailing()); // the parent is the last program
        assertThat(u.indexOf("# Current program: the one to edit")).isGreaterThan(u.lastIndexOf("## Inspiration 2"));
        assertThat(u.indexOf("# How to answer")).isGreaterThan(lastJava);
        assertThat(u).contains("## Inspiration 1 (score 2.5), read-only", "read-only, for ideas", "Do not edit these");
    }

    @Test
    void build_printsMetricsAtFullPrecisionAndDistance() {
        Prompt p = new PromptBuilder(new CharEstimateCounter(), 100_000).build(request(null, List.of()));

        assertThat(p.user()).contains("- score: 2.6098765432101234", "- min_gap: 1.0E-9",
                "This program is " + (2.6358627564136983 - 2.6098765432101234) + " below it (0.986% of the bound).");
        assertThat(p.user()).doesNotContain("Evaluator feedback");
    }

    @Test
    void distance_minimizeAndBeatenAndInvalid() {
        var spec = problem(Direction.MINIMIZE).spec();
        assertThat(PromptBuilder.distance(new Parent(1, "", 2.7, Map.of(), null), spec)).endsWith("above it (2.43% of the bound).");
        assertThat(PromptBuilder.distance(new Parent(1, "", 2.6, Map.of(), null), spec)).contains("matches or beats it by");
        assertThat(PromptBuilder.distance(new Parent(1, "", null, Map.of(), "x"), spec)).endsWith("has no valid score yet.");
    }

    @Test
    void build_overBudgetTrimsInspirationsFirstThenFeedbackNeverParent() {
        Parent big = new Parent(3, CODE.repeat(20), 2.5, Map.of(), null);
        String feedback = "RUNTIME: boom\n" + "\tat Packing.solve(Packing.java:5)\n".repeat(200);
        var counter = new CharEstimateCounter();
        var full = new PromptBuilder(counter, 1_000_000).build(request(feedback, List.of(big, big, big)));
        var noInspiration = new PromptBuilder(counter, 1_000_000).build(request(feedback, List.of()));

        var oneInspiration = new PromptBuilder(counter, noInspiration.tokens() + 1500).build(request(feedback, List.of(big, big, big)));
        assertThat(oneInspiration.inspirationsKept()).isEqualTo(1);
        assertThat(oneInspiration.feedbackTrimmed()).isFalse();

        var shortFeedback = new PromptBuilder(counter, noInspiration.tokens() - 100).build(request(feedback, List.of(big, big, big)));
        assertThat(shortFeedback.inspirationsKept()).isZero();
        assertThat(shortFeedback.feedbackTrimmed()).isTrue();
        assertThat(shortFeedback.user()).contains("[... feedback trimmed to fit the prompt ...]", CODE.stripTrailing());

        var tiny = new PromptBuilder(counter, 300).build(request(feedback, List.of(big)));
        assertThat(tiny.overBudget()).isTrue();
        assertThat(tiny.user()).contains(CODE.stripTrailing()).doesNotContain("Evaluator feedback");
        assertThat(full.tokens()).isGreaterThan(shortFeedback.tokens());
    }

    @Test
    void build_withQwen3TokenizerCountsExactly() {
        try (var counter = HfTokenCounter.load(TestTokenizer.qwen3())) {
            Prompt p = new PromptBuilder(counter, 100_000).build(request(null, List.of()));
            assertThat(p.exactCount()).isTrue();
            assertThat(p.tokens()).isEqualTo(counter.count(p.system()) + counter.count(p.user())).isBetween(700, 2000);
        }
    }
}
