package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search mode through real worker JVMs: the circle_packing_26 search seed, warm starts, the hard kill of a
 * candidate that ignores its deadline (and the pool's recovery), and hostile candidates written against the
 * search contract.
 */
class WorkerSearchTest {

    private static WorkerPoolEvaluator pool;
    private static Problem problem;

    @BeforeAll
    static void start() {
        pool = WorkerPoolEvaluator.builder().workers(2).spares(1).heapMb(256).build();
        problem = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    static EvalRequest search(String source, Object warm, long budgetMillis) {
        return EvalRequest.search(source, problem, 0, warm, warm == null ? -1 : 7, 42).withBudgetMillis(budgetMillis);
    }

    /** A search candidate: initial() is the valid 6 x 5 grid of r = 1/12 … 0.037, improve/perturb from {@code body}. */
    static String cand(String members) {
        return """
                import dev.thetaevolve.search.Objective;
                import java.util.SplittableRandom;

                public class Cand {
                    public static double[][] initial(SplittableRandom random) {
                        double[][] c = new double[26][3];
                        for (int i = 0; i < 26; i++) {
                            c[i][0] = (i % 6 + 0.5) / 6;
                            c[i][1] = (i / 6 + 0.5) / 5;
                            c[i][2] = 0.037;
                        }
                        return c;
                    }
                """ + members + "\n}\n";
    }

    static final String IDENTITY = """
                public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
                    return current;
                }
                public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
                    return current;
                }
            """;

    @Test
    void searchSeed_improvesOnItsInitialWithinTheBudget_andReportsTheHarness() {
        Verdict v = pool.evaluate(search(problem.seedSource(dev.thetaevolve.problem.Mode.SEARCH), null, 1_500));
        assertThat(v.valid()).as("%s", v.error()).isTrue();
        assertThat(v.score()).isGreaterThan(2.0).isLessThan(problem.spec().bestKnown().value());
        assertThat(v.metrics()).containsEntry("search_warm_start", 0.0).containsKey("search_hops").containsKey("search_overhead_ms");
        assertThat(problem.verify(v.output(), 0).valid()).isTrue();
    }

    @Test
    void warmStart_isUsedWhenValid_andIgnoredWhenNot() {
        double[][] warm = new double[26][3];
        for (int i = 0; i < 26; i++) warm[i] = new double[] {(i % 6 + 0.5) / 6, (i / 6 + 0.5) / 5, 0.08};
        Verdict v = pool.evaluate(search(cand(IDENTITY), warm, 300));
        assertThat(v.valid()).isTrue();
        assertThat(v.score()).isCloseTo(26 * 0.08, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(v.metrics()).containsEntry("search_warm_start", 1.0);

        warm[3][2] = 0.5; // overlaps: the harness starts from initial() instead
        Verdict w = pool.evaluate(search(cand(IDENTITY), warm, 300));
        assertThat(w.valid()).isTrue();
        assertThat(w.score()).isCloseTo(26 * 0.037, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(w.metrics()).containsEntry("search_warm_start", 0.0);
    }

    @Test
    void candidateIgnoringTheDeadline_isKilled_andThePoolRecovers() {
        String spin = """
                    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
                        while (true) { current[0][0] += 0; }
                    }
                    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
                        return current;
                    }
                """;
        Verdict v = pool.evaluate(search(cand(spin), null, 200));
        assertThat(v.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(v.error().message()).contains("ignored deadlineNanos");
        assertThat(pool.evaluate(search(cand(IDENTITY), null, 200)).valid()).isTrue();
    }

    @Test
    void objectiveCalledInALoop_toStallTheWorker_isKilled() {
        String stall = """
                    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
                        double s = 0;
                        for (long i = 0; i < Long.MAX_VALUE; i++) s += objective.score(current);
                        return current;
                    }
                    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
                        return current;
                    }
                """;
        Verdict v = pool.evaluate(search(cand(stall), null, 200));
        assertThat(v.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(pool.evaluate(search(cand(IDENTITY), null, 200)).valid()).isTrue();
    }

    @Test
    void inPlaceEdits_cannotCorruptTheBest() {
        String vandal = """
                    static double[][] last;
                    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
                        if (last != null) for (int i = 0; i < 26; i++) last[i][2] = 5; // what it returned before
                        for (int i = 0; i < 26; i++) current[i][2] = 0.04;
                        last = current;
                        return current;
                    }
                    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
                        for (int i = 0; i < 26; i++) current[i][2] = -1;
                        return new double[26][3];
                    }
                """;
        Verdict v = pool.evaluate(search(cand(vandal), null, 300));
        assertThat(v.valid()).as("%s", v.error()).isTrue();
        assertThat(v.score()).isCloseTo(26 * 0.04, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void anotherShapeOrType_isInvalidOutput_orNotAccepted() {
        String wrongType = """
                    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
                        return current;
                    }
                    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
                        return null;
                    }
                """;
        Verdict v = pool.evaluate(search(cand(wrongType), null, 300));
        assertThat(v.errorKind()).isEqualTo(ErrorKind.INVALID_OUTPUT);
        assertThat(v.error().message()).contains("perturb() returned null");

        String fewer = """
                    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
                        return new double[][] {{0.5, 0.5, 0.5}};
                    }
                    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
                        return current;
                    }
                """;
        Verdict w = pool.evaluate(search(cand(fewer), null, 300));
        assertThat(w.valid()).isTrue(); // one big circle is invalid for 26: never accepted, the grid stays best
        assertThat(w.score()).isCloseTo(26 * 0.037, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void staticState_doesNotCarryOverBetweenEvaluations() {
        String counter = """
                    static int calls;
                    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
                        calls++;
                        double[][] c = current;
                        if (calls == 1) for (int i = 0; i < 26; i++) c[i][2] = 0.03; // worse: never accepted
                        return c;
                    }
                    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
                        if (calls > 1) throw new IllegalStateException("state leaked: calls=" + calls);
                        return current;
                    }
                """;
        // the first improve sets calls = 1; the first perturb then sees 1 and returns; later rounds throw,
        // so each evaluation fails the same way: with state carried over, the second would differ
        Verdict a = pool.evaluate(search(cand(counter), null, 300));
        Verdict b = pool.evaluate(search(cand(counter), null, 300));
        assertThat(a.errorKind()).isEqualTo(ErrorKind.RUNTIME);
        assertThat(a.error().message()).contains("state leaked: calls=2");
        assertThat(b.error().message()).isEqualTo(a.error().message());
    }

    @Test
    void missingMethods_andForgedObjectives_areRefusedBeforeRunning() {
        Verdict v = pool.evaluate(search(TestProblems.cand("return grid();"), null, 300));
        assertThat(v.errorKind()).isEqualTo(ErrorKind.COMPILE);
        assertThat(v.error().message()).contains("search mode needs `public static double[][] initial(SplittableRandom random)`");

        String forge = """
                    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
                        Objective mine = Objective.of(null, null, null, 1.0);
                        return current;
                    }
                    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
                        return current;
                    }
                """;
        Verdict w = pool.evaluate(search(cand(forge), null, 300));
        assertThat(w.errorKind()).isIn(ErrorKind.FORBIDDEN, ErrorKind.COMPILE);
    }

    @Test
    void constructMode_isUnchangedBehindTheRequestType() {
        Verdict v = pool.evaluate(EvalRequest.construct(problem.seedSource(), problem, 0));
        assertThat(v.valid()).isTrue();
        assertThat(v.metrics()).doesNotContainKey("search_hops");
    }
}
