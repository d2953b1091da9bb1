package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static dev.thetaevolve.evaluate.TestProblems.cand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WorkerPoolEvaluatorTest {

    private static WorkerPoolEvaluator pool;
    private static Problem problem;

    @BeforeAll
    static void start() {
        pool = WorkerPoolEvaluator.builder().workers(2).heapMb(256).build();
        problem = TestProblems.circlePacking(5_000);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    /** The seed's grid, Java-7 style: Janino compiles it. */
    static final String JAVA7_TWIN = """
            import java.util.Arrays;

            public class Twin {
                public static double[][] solve() {
                    double[][] out = new double[26][];
                    for (int i = 0; i < 26; i++) {
                        out[i] = new double[] {(i % 6 + 0.5) / 6, (i / 6 + 0.5) / 5, 0.037};
                    }
                    Arrays.sort(out, new java.util.Comparator() {
                        public int compare(Object a, Object b) { return 0; }
                    });
                    return out;
                }
            }
            """;

    /** The same construction with a record, var, lambdas and a stream: only javac compiles it. */
    static final String MODERN_TWIN = """
            import java.util.stream.IntStream;

            public class Twin {
                record Circle(double x, double y, double r) {
                    double[] row() { return new double[] {x, y, r}; }
                }

                public static double[][] solve() {
                    var radius = 0.037;
                    return IntStream.range(0, 26)
                            .mapToObj(i -> new Circle((i % 6 + 0.5) / 6, (i / 6 + 0.5) / 5, radius))
                            .map(Circle::row)
                            .toArray(double[][]::new);
                }
            }
            """;

    @Test
    void evaluate_seedProgram_isValidWithJaninoTier() {
        Verdict v = pool.evaluate(problem.seedSource(), problem, 0);
        assertThat(v.error()).isNull();
        assertThat(v.valid()).isTrue();
        assertThat(v.tier()).isEqualTo(Tier.JANINO);
        assertThat(v.score()).isCloseTo(26 * 0.037, within(1e-12));
        assertThat(v.metrics()).containsKey("sum_radii");
        assertThat(v.output()).isInstanceOf(double[][].class);
        assertThat(((double[][]) v.output())).hasNumberOfRows(26);
        assertThat(v.strictScore()).isNull();
    }

    @Test
    void evaluate_java7AndModernTwins_compileWithTheirTiersAndScoreAlike() {
        Verdict old = pool.evaluate(JAVA7_TWIN, problem, 0);
        Verdict modern = pool.evaluate(MODERN_TWIN, problem, 0);
        assertThat(old.valid()).as("java-7 twin: " + old.error()).isTrue();
        assertThat(modern.valid()).as("modern twin: " + modern.error()).isTrue();
        assertThat(old.tier()).isEqualTo(Tier.JANINO);
        assertThat(modern.tier()).isEqualTo(Tier.JAVAC);
        assertThat(modern.score()).isEqualTo(old.score());
    }

    @Test
    void evaluate_classLiteral_isAllowedInEitherTier() {
        Verdict v = pool.evaluate(cand("Object c = Cand.class;\nObject d = double[][].class;\nreturn grid();"), problem, 0);
        assertThat(v.valid()).as(String.valueOf(v.error())).isTrue();
    }

    @Test
    void evaluate_commonsMath_isAllowed() {
        String src = cand("""
                org.apache.commons.math3.linear.RealMatrix m = org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(3);
                double s = org.apache.commons.math3.util.FastMath.sqrt(m.getTrace());
                double[][] c = grid();
                c[0][2] = Math.min(c[0][2], s * 1e-9);
                return c;""");
        Verdict v = pool.evaluate(src, problem, 0);
        assertThat(v.valid()).as(String.valueOf(v.error())).isTrue();
    }

    @Test
    void evaluate_printing_isForbidden() {
        Verdict out = pool.evaluate(cand("System.out.println(\"hi\");\nreturn grid();"), problem, 0);
        assertThat(out.errorKind()).isEqualTo(dev.thetaevolve.evaluate.ErrorKind.FORBIDDEN);
        assertThat(out.error().message()).contains("java.lang.System.out");
        Verdict err = pool.evaluate(cand("System.err.println(\"hi\");\nreturn grid();"), problem, 0);
        assertThat(err.errorKind()).isEqualTo(dev.thetaevolve.evaluate.ErrorKind.FORBIDDEN);
    }

    @Test
    void evaluate_sameSourceTwice_definesFreshClassesEachTime() {
        String src = cand("counter++;\ndouble[][] c = grid();\nc[0][2] = 0.01 * counter;\nreturn c;", "static int counter;");
        Verdict first = pool.evaluate(src, problem, 0);
        Verdict second = pool.evaluate(src, problem, 0);
        assertThat(first.valid()).isTrue();
        assertThat(second.score()).isEqualTo(first.score()); // static state did not survive the cache
    }

    @Test
    void evaluate_compileError_reportsCandidateLineAndColumn() {
        String src = "public class Cand {\n    public static double[][] solve() {\n        int x = 1;\n        foo = x;\n        return null;\n    }\n}\n";
        Verdict v = pool.evaluate(src, problem, 0);
        assertThat(v.errorKind()).isEqualTo(ErrorKind.COMPILE);
        assertThat(v.error().message()).startsWith("line 4, column").contains("foo").contains("(janino: line 4");
        assertThat(v.tier()).isNull();
    }

    static List<Object[]> badSources() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"nonJava", "Hello, this is not Java at all { ] )", "line 1"});
        rows.add(new Object[] {"empty", "", "empty"});
        rows.add(new Object[] {"blank", "   \n\t ", "empty"});
        rows.add(new Object[] {"tenMegabytes", "// " + "x".repeat(10 << 20), "limit"});
        rows.add(new Object[] {"classWithoutBody", "public class", "line"});
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSources")
    void evaluate_badSource_givesClearCompileVerdict(String name, String source, String fragment) {
        Verdict v = pool.submit(source, problem, 0).join();
        assertThat(v.errorKind()).isEqualTo(ErrorKind.COMPILE);
        assertThat(v.error().message()).contains(fragment);
    }

    @Test
    void submit_manyAtOnce_allComplete() {
        List<CompletableFuture<Verdict>> fs = new ArrayList<>();
        for (int i = 0; i < 8; i++) fs.add(pool.submit(cand("double[][] c = grid(); c[0][2] = 0.03 + 0.0001 * " + i + "; return c;"), problem, 0));
        for (CompletableFuture<Verdict> f : fs) assertThat(f.join().valid()).isTrue();
    }

    @Test
    void submit_badTolerance_isRefused() {
        assertThatThrownBy(() -> pool.submit("x", problem, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> pool.submit("x", problem, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void probe_workerEnvironment_holdsNoSecretsAndAPrivateTempDir() throws Exception {
        Map<String, String> seen = pool.probeFreshWorker();
        Map<String, String> env = new java.util.TreeMap<>();
        seen.forEach((k, v) -> {
            if (k.startsWith("env.")) env.put(k.substring(4), v);
        });
        // exactly the minimum: nothing of ours (PATH, HOME, API keys, DB passwords, JAVA_TOOL_OPTIONS) leaks
        assertThat(env.keySet()).containsExactly("TMPDIR");
        assertThat(System.getenv()).isNotEmpty();
        for (String parentKey : System.getenv().keySet()) {
            if (!parentKey.equals("TMPDIR")) assertThat(env).doesNotContainKey(parentKey);
        }
        Path tmp = Path.of(seen.get("java.io.tmpdir"));
        assertThat(tmp.getFileName().toString()).startsWith("thetaevolve-worker-");
        assertThat(seen.get("user.dir")).isEqualTo(tmp.toString());
        assertThat(env.get("TMPDIR")).isEqualTo(tmp.toString());
        assertThat(Files.exists(tmp)).as("temp dir deleted when the worker goes").isFalse();
    }

    @Test
    void close_pendingAndLaterSubmissions_completeWithInternal() {
        WorkerPoolEvaluator small = WorkerPoolEvaluator.builder().workers(1).spares(0).heapMb(128).build();
        Problem slow = TestProblems.circlePacking(2_000);
        CompletableFuture<Verdict> running = small.submit(cand("long i = 0;\nwhile (i >= 0) i = (i + 1) % 5;\nreturn grid();"), slow, 0);
        CompletableFuture<Verdict> queued = small.submit(problem.seedSource(), slow, 0);
        small.close();
        assertThat(running.join().valid()).isFalse();
        assertThat(queued.join().errorKind()).isIn(ErrorKind.INTERNAL);
        assertThat(small.submit(problem.seedSource(), slow, 0).join().error().message()).contains("closed");
    }

    static List<Object[]> badOptions() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(row("workers", b -> b.workers(0), "workers must be between 1 and 512, got '0'"));
        rows.add(row("heapMb", b -> b.heapMb(16), "heapMb must be between 64"));
        rows.add(row("stackKb", b -> b.stackKb(10), "stackKb must be between 256"));
        rows.add(row("maxOutputElements", b -> b.maxOutputElements(0), "maxOutputElements must be between 1"));
        rows.add(row("maxOutputBytes", b -> b.maxOutputBytes(10), "maxOutputBytes must be between 1024"));
        rows.add(row("compileTimeoutMillis", b -> b.compileTimeoutMillis(5), "compileTimeoutMillis must be between 100"));
        rows.add(row("spares", b -> b.spares(-1), "spares must be between 0"));
        rows.add(row("javaExecutable", b -> b.javaExecutable(Path.of("/no/such/java")), "javaExecutable must be an executable file, got '/no/such/java'"));
        rows.add(row("classpath", b -> b.classpath(List.of(Path.of("/no/such.jar"))), "classpath entry does not exist: '/no/such.jar'"));
        return rows;
    }

    private static Object[] row(String name, Consumer<WorkerPoolEvaluator.Builder> setter, String message) {
        return new Object[] {name, setter, message};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void build_badOption_namesOptionAndValue(String name, Consumer<WorkerPoolEvaluator.Builder> setter, String message) {
        WorkerPoolEvaluator.Builder b = WorkerPoolEvaluator.builder();
        setter.accept(b);
        assertThatThrownBy(b::config).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void build_defaults_matchTheDocumentedValues() {
        WorkerPoolEvaluator.Config c = WorkerPoolEvaluator.builder().config();
        assertThat(c.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.heapMb()).isEqualTo(512);
        assertThat(c.javaExecutable()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
        assertThat(c.classpath()).allSatisfy(p -> assertThat(Files.exists(p)).isTrue());
    }
}
