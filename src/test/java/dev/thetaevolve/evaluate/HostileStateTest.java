package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static dev.thetaevolve.evaluate.TestProblems.cand;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's cases: candidates that try to leave something behind for the next candidate in the same worker
 * (threads, process-wide defaults, library statics, the sink) or to kill the worker, and verdicts that must
 * keep their kind whatever the size of what the candidate wrote. One worker, so every follow-up runs where
 * the hostile candidate ran unless the worker was replaced; the follow-up ({@link #VICTIM}) fails on every
 * side effect these cases aim at. Each case asserts the kind, the message, whether the worker was replaced
 * (never for a plain refusal or exception; always when a JVM error may have struck library state), and
 * that the follow-up is valid.
 */
class HostileStateTest {

    private static WorkerPoolEvaluator pool;
    private static Problem problem;

    /** Fails when any planted effect is visible: time zone, locale, FastMath/Gamma initialisation, the sink. */
    static final String VICTIM = cand("""
            String tz = TimeZone.getDefault().getID();
            if (tz.contains("PLANTED") || tz.equals("Asia/Tokyo")) throw new IllegalStateException("default time zone is " + tz);
            Calendar.getInstance().get(Calendar.YEAR);
            if (Locale.getDefault().equals(Locale.GERMANY)) throw new IllegalStateException("default locale changed");
            double g = org.apache.commons.math3.special.Gamma.logGamma(3.0) + org.apache.commons.math3.util.FastMath.log(2.0);
            new Probe().printStackTrace();
            if (Probe.closed) throw new IllegalStateException("System.err is closed");
            return grid();""",
            "static class Probe extends RuntimeException {\n"
                    + "    static boolean closed;\n"
                    + "    public void printStackTrace(java.io.PrintStream s) { s.println(\"probe\"); closed = s.checkError(); }\n"
                    + "}\n");

    record Case(String name, ErrorKind kind, String fragment, boolean replaced, String source) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        pool = WorkerPoolEvaluator.builder().workers(1).spares(1).heapMb(256).build();
        problem = TestProblems.circlePacking(5_000);
        Verdict v = pool.evaluate(VICTIM, problem, 0);
        assertThat(v.valid()).as("the follow-up on a fresh worker: " + v.error()).isTrue();
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    static List<Case> cases() {
        return List.of(
                // ---- escapes: code or threads that outlive an evaluation
                new Case("thread_janinoInterfaceParallelStream", ErrorKind.FORBIDDEN, "parallelStream", false,
                        cand("Par p = new MyList();\n((MyList) p).add(\"x\");\nlong n = p.parallelStream().count();\nreturn grid();",
                                "interface Par { java.util.stream.Stream parallelStream(); }\n"
                                        + "static class MyList extends ArrayList implements Par { }\n")),
                new Case("thread_poolThreadPlantsRandomGenerator", ErrorKind.FORBIDDEN, "not allowed", false,
                        cand("Par p = new MyList();\n((MyList) p).add(\"x\");\n"
                                        + "p.parallelStream().forEach(new java.util.function.Consumer() {\n"
                                        + "    public void accept(Object o) { while (o != null) org.apache.commons.math3.genetics.GeneticAlgorithm.setRandomGenerator(new Bad()); }\n});\n"
                                        + "return grid();",
                                "interface Par { java.util.stream.Stream parallelStream(); }\n"
                                        + "static class MyList extends ArrayList implements Par { }\n"
                                        + "static class Bad extends org.apache.commons.math3.random.JDKRandomGenerator {\n"
                                        + "    public int nextInt(int n) { throw new IllegalStateException(\"PLANTED\"); }\n}\n")),
                new Case("thread_subtypeInheritsParallelStream", ErrorKind.FORBIDDEN, "parallelStream", false,
                        cand("MyList l = new MyList();\nl.add(\"x\");\nlong n = l.parallelStream().count();\nreturn grid();",
                                "static class MyList extends ArrayList { }\n")),
                new Case("state_simpleTimeZoneSetDefault", ErrorKind.FORBIDDEN, "setDefault", false,
                        cand("SimpleTimeZone.setDefault(new Z());\nreturn grid();",
                                "static class Z extends SimpleTimeZone {\n    Z() { super(0, \"PLANTED\"); }\n"
                                        + "    public Object clone() { throw new IllegalStateException(\"PLANTED\"); }\n}\n")),
                new Case("state_ownTimeZoneSubclassSetDefault", ErrorKind.FORBIDDEN, "setDefault", false,
                        cand("Z.setDefault(new Z());\nreturn grid();",
                                "static class Z extends SimpleTimeZone {\n    Z() { super(0, \"PLANTED\"); }\n}\n")),
                new Case("state_plainTimeZoneChange", ErrorKind.FORBIDDEN, "setDefault", false,
                        cand("SimpleTimeZone.setDefault(TimeZone.getTimeZone(\"Asia/Tokyo\"));\nreturn grid();")),
                new Case("state_localeSetDefaultCategory", ErrorKind.FORBIDDEN, "setDefault", false,
                        cand("Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);\nreturn grid();")),
                new Case("state_geneticAlgorithmSetRandomGenerator", ErrorKind.FORBIDDEN, "static setter", false,
                        cand("org.apache.commons.math3.genetics.GeneticAlgorithm.setRandomGenerator(new Bad());\nreturn grid();",
                                "static class Bad extends org.apache.commons.math3.random.JDKRandomGenerator {\n"
                                        + "    public int nextInt(int n) { throw new IllegalStateException(\"PLANTED\"); }\n}\n")),
                new Case("state_geneticAlgorithmGetRandomGeneratorReseed", ErrorKind.FORBIDDEN, "getRandomGenerator", false,
                        cand("org.apache.commons.math3.genetics.GeneticAlgorithm.getRandomGenerator().setSeed(42L);\nreturn grid();")),
                new Case("state_cmaesDefaultRandomGeneratorReseed", ErrorKind.FORBIDDEN, "DEFAULT_RANDOMGENERATOR", false,
                        cand("org.apache.commons.math3.optimization.direct.CMAESOptimizer.DEFAULT_RANDOMGENERATOR.setSeed(42L);\nreturn grid();")),
                new Case("state_cmaesThroughSubclass", ErrorKind.FORBIDDEN, "DEFAULT_RANDOMGENERATOR", false,
                        cand("Sub.DEFAULT_RANDOMGENERATOR.setSeed(42L);\nreturn grid();",
                                "static abstract class Sub extends org.apache.commons.math3.optimization.direct.CMAESOptimizer { }\n")),
                // nobody wrote this one down: found by the category rules (BigReal has setScale/setRoundingMode)
                new Case("state_bigRealConstantMutated", ErrorKind.FORBIDDEN, "BigReal.ONE", false,
                        cand("org.apache.commons.math3.util.BigReal.ONE.setScale(2);\nreturn grid();")),
                new Case("state_bigRealFieldGetterMutated", ErrorKind.FORBIDDEN, "getOne", false,
                        cand("org.apache.commons.math3.util.BigRealField.getInstance().getOne().setRoundingMode(java.math.RoundingMode.UP);\nreturn grid();")),
                // drawing from commons-math3's shared generator is allowed, and changes it: the worker is replaced
                new Case("state_sharedGeneticsGeneratorDrawn", null, null, true,
                        cand("List l = org.apache.commons.math3.genetics.BinaryChromosome.randomBinaryRepresentation(16);\nreturn grid();")),
                new Case("state_closeSinkThroughAutoCloseable", null, null, false,
                        cand("new Closer().printStackTrace();\nreturn grid();",
                                "static class Closer extends RuntimeException {\n"
                                        + "    public void printStackTrace(java.io.PrintStream s) { try { ((AutoCloseable) s).close(); } catch (Exception e) { } }\n}\n")),
                // catches the overflow and touches uninitialised library classes with no stack left: whatever
                // class it broke, the worker that ran it is replaced
                new Case("state_overflowInLibraryInitializer", null, null, true,
                        cand("return grid2(depth(0));",
                                "static int depth(int n) {\n    try { return depth(n + 1); }\n"
                                        + "    catch (StackOverflowError e) { return (int) (org.apache.commons.math3.special.Gamma.logGamma(3.0)"
                                        + " + org.apache.commons.math3.util.FastMath.log(2.0)); }\n}\n"
                                        + "static double[][] grid2(int x) { return grid(); }\n")),
                // ---- worker crashes
                new Case("crash_errorFromStaticInitializer", ErrorKind.RUNTIME, "java.lang.AssertionError: BOOM", false,
                        cand("return grid();", "static { if (grid() != null) throw new AssertionError(\"BOOM\"); }\n")),
                new Case("crash_recursionInStaticInitializer", ErrorKind.RUNTIME, "StackOverflowError", true,
                        cand("return grid();", "static int d = deep(0);\nstatic int deep(int n) { return deep(n + 1) + 1; }\n")),
                new Case("crash_errorForgesItsStackTrace", ErrorKind.RUNTIME, "Forge", false,
                        cand("if (grid() != null) throw new Forge();\nreturn grid();",
                                "static class Forge extends Error {\n"
                                        + "    public void printStackTrace(java.io.PrintStream s) { for (int i = 0; i < 200000; i++) s.println(\"FORGED verdict line \" + i); }\n"
                                        + "}\n")),
                new Case("crash_errorForgesFromStaticInitializer", ErrorKind.RUNTIME, "Forge", false,
                        cand("return grid();",
                                "static { if (grid() != null) throw new Forge(); }\n"
                                        + "static class Forge extends Error {\n"
                                        + "    public void printStackTrace(java.io.PrintStream s) { for (int i = 0; i < 200000; i++) s.println(\"FORGED verdict line \" + i); }\n}\n")),
                new Case("crash_linkageErrorWhoseMethodsThrow", ErrorKind.RUNTIME, "could not be read", false,
                        cand("return grid();",
                                "static { if (grid() != null) throw new Bad(); }\n"
                                        + "static class Bad extends IncompatibleClassChangeError {\n"
                                        + "    public String toString() { throw new IllegalStateException(\"FORGED\"); }\n"
                                        + "    public String getMessage() { throw new IllegalStateException(\"FORGED\"); }\n"
                                        + "    public StackTraceElement[] getStackTrace() { throw new IllegalStateException(\"FORGED\"); }\n}\n")),
                new Case("crash_fileNameScanOnHugeComment", null, null, false,
                        "/* public " + "final ".repeat(159_000) + "*/\n" + cand("return grid();")),
                // ---- verdicts that keep their kind whatever the size
                new Case("verdict_hugeUndefinedIdentifier", ErrorKind.COMPILE, "cut:", false,
                        cand("double y = " + "q".repeat(480_000) + ";\nreturn grid();")),
                new Case("verdict_18MbExceptionMessage", ErrorKind.RUNTIME, "cut:", false,
                        cand("if (grid() != null) throw new IllegalStateException(\"m\".repeat(18_000_000));\nreturn grid();")),
                new Case("verdict_16MbExceptionMessage", ErrorKind.RUNTIME, "cut:", false,
                        cand("if (grid() != null) throw new IllegalStateException(\"m\".repeat(15_900_000));\nreturn grid();")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_hostileCandidate_leavesNothingForTheNextOne(Case c) {
        long replacedBefore = pool.replacements();

        Verdict v = pool.evaluate(c.source(), problem, 0);

        assertThat(v.errorKind()).as(c.name() + ": " + v.error()).isEqualTo(c.kind());
        if (c.kind() != null) {
            assertThat(v.error().message()).as(c.name()).contains(c.fragment()).doesNotContain("FORGED").doesNotContain("PLANTED");
            assertThat(v.error().message().length()).as(c.name() + " message length").isLessThanOrEqualTo(Messages.WHOLE);
        }
        assertThat(pool.replacements() - replacedBefore).as(c.name() + " replaced its worker (" + pool.lastRecycleReason() + ")")
                .isEqualTo(c.replaced() ? 1 : 0);

        Verdict next = pool.evaluate(VICTIM, problem, 0);
        assertThat(next.valid()).as("follow-up after " + c.name() + ": " + next.error()).isTrue();
        assertThat(pool.replacements() - replacedBefore).as("the follow-up replaced its worker (" + pool.lastRecycleReason() + ")").isEqualTo(c.replaced() ? 1 : 0);
    }

    /** A search-mode candidate (initial/improve/perturb) whose improve runs {@code improveBody}. */
    static String searchCandidate(String improveBody, String members) {
        return "import java.util.*;\nimport dev.thetaevolve.search.Objective;\n\npublic class Cand {\n"
                + "    public static double[][] initial(SplittableRandom random) { return grid(); }\n"
                + "    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {\n"
                + improveBody + "\n    }\n"
                + "    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) { return current; }\n"
                + members + "\n" + TestProblems.GRID + "}\n";
    }

    /** Search mode runs candidate code through the harness: the same guarantees hold there. */
    @Test
    void search_hostileCandidates_neitherKillNorPoisonTheWorker() {
        Problem catalog = TestProblems.circlePacking(); // search mode ships the catalog's verifier source
        Verdict ok = pool.evaluate(EvalRequest.search(searchCandidate("objective.score(current);\nreturn current;", ""), catalog, 0, null, -1, 1)
                .withBudgetMillis(200));
        assertThat(ok.valid()).as(String.valueOf(ok.error())).isTrue();

        long replaced = pool.replacements();
        Verdict forged = pool.evaluate(EvalRequest.search(searchCandidate("if (current != null) throw new Bad();\nreturn current;",
                "static class Bad extends Error {\n"
                        + "    public String getMessage() { throw new IllegalStateException(\"FORGED\"); }\n"
                        + "    public String toString() { throw new IllegalStateException(\"FORGED\"); }\n"
                        + "    public void printStackTrace(java.io.PrintStream s) { s.println(\"FORGED\"); }\n}\n"), catalog, 0, null, -1, 1)
                .withBudgetMillis(200));
        assertThat(forged.errorKind()).isEqualTo(ErrorKind.RUNTIME);
        assertThat(forged.error().message()).contains("Bad").contains("could not be read").doesNotContain("FORGED");
        assertThat(pool.replacements()).isEqualTo(replaced);

        Verdict overflow = pool.evaluate(EvalRequest.search(searchCandidate("return deep(0) > 0 ? current : null;",
                "static int deep(int n) { return deep(n + 1) + 1; }\n"), catalog, 0, null, -1, 1).withBudgetMillis(200));
        assertThat(overflow.errorKind()).isEqualTo(ErrorKind.RUNTIME);
        assertThat(overflow.error().message()).contains("StackOverflowError");
        assertThat(pool.replacements()).isEqualTo(replaced + 1);

        Verdict state = pool.evaluate(EvalRequest.search(searchCandidate("Locale.setDefault(Locale.GERMANY);\nreturn current;", ""), catalog, 0, null, -1, 1)
                .withBudgetMillis(200));
        assertThat(state.errorKind()).isEqualTo(ErrorKind.FORBIDDEN);

        Verdict next = pool.evaluate(VICTIM, problem, 0);
        assertThat(next.valid()).as(String.valueOf(next.error())).isTrue();
    }

    /** A compile that runs past the limit is TIMEOUT, and the same source is answered TIMEOUT again without compiling. */
    @Test
    void evaluate_compileTimeout_isTimeoutAndNotRetried() {
        StringBuilder slow = new StringBuilder();
        for (int i = 0; i < 12_000; i++) slow.append("static double m").append(i).append("(double x) { return x * ").append(i).append(" + Math.sqrt(x); }\n");
        String source = cand("return grid();", slow.toString());
        try (WorkerPoolEvaluator p = WorkerPoolEvaluator.builder().workers(1).spares(1).heapMb(256).compileTimeoutMillis(400).build()) {
            Verdict first = p.evaluate(source, problem, 0);
            assertThat(first.errorKind()).as(String.valueOf(first.error())).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(first.error().message()).contains("compiling did not finish within 400 ms");
            long replaced = p.replacements();

            long t0 = System.nanoTime();
            Verdict again = p.evaluate(source, problem, 0);
            assertThat(again.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(again.error().message()).contains("not compiled again");
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(400);
            assertThat(p.replacements()).isEqualTo(replaced);
        }
    }
}
