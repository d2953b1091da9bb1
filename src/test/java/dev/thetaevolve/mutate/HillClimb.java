package dev.thetaevolve.mutate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.Verification;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A (1+λ) hill climb with the {@link BuiltinMutator}, for tests and for measuring progress: each
 * generation asks for λ samples of the current best, applies them through {@link DiffFormat}, drops lazy
 * children, compiles the rest in-process with Janino and keeps the best strictly valid child (ties
 * accepted when the child is not longer: neutral drift without bloat from duplicated dead statements). Trusted test code: candidates run in this JVM without a sandbox; a candidate
 * that runs past the time limit is abandoned on a daemon thread.
 * <p>
 * {@code main(problemId, children, lambda, seed)} prints the curve; defaults circle_packing_26 3000 8 1.
 */
final class HillClimb {
    private static final Pattern CLASS_NAME = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");

    /** Counts of what became of the children, and the best program found. */
    record Outcome(double seedScore, double bestScore, String bestCode, int children, int lazy, int notApplied, int compileErrors,
                   int runtimeErrors, int invalid, int valid, int improvements) {
    }

    /** One point of the curve: after {@code children} children, the best strict score. */
    record Point(int children, double best, String summary, long millis) {
    }

    private final Problem problem;
    private final Mutator mutator;
    private final long timeLimitMillis;
    private ExecutorService runner = newRunner();

    HillClimb(Problem problem, Mutator mutator, long timeLimitMillis) {
        this.problem = problem;
        this.mutator = mutator;
        this.timeLimitMillis = timeLimitMillis;
    }

    Outcome run(String seedCode, int children, int lambda, long seed, Consumer<Point> curve) {
        long t0 = System.nanoTime();
        OptionalDouble seedScore = evaluate(seedCode);
        if (seedScore.isEmpty()) throw new IllegalArgumentException("the seed program is not strictly valid");
        String best = seedCode;
        double bestScore = seedScore.getAsDouble();
        int made = 0, lazy = 0, notApplied = 0, invalid = 0, valid = 0, improvements = 0;
        int[] errors = new int[2];
        for (long gen = 0; made < children; gen++) {
            Parent parent = new Parent(gen, best, bestScore, Map.of(), null);
            List<CompletableFuture<Sample>> futures = mutator.sample(new MutationRequest(problem, parent, List.of(), lambda, seed * 1_000_003L + gen));
            String genBest = null;
            double genScore = Double.NEGATIVE_INFINITY;
            String genSummary = null;
            for (CompletableFuture<Sample> f : futures) {
                if (made >= children) break;
                made++;
                Sample sample = f.join();
                DiffFormat.Result r = DiffFormat.apply(best, sample.text());
                if (!r.hasChild()) {
                    notApplied++;
                    continue;
                }
                if (CodeNormalizer.isLazy(best, r.code())) {
                    lazy++;
                    continue;
                }
                OptionalDouble score = evaluate(r.code(), errors);
                if (score.isEmpty()) {
                    invalid++;
                    continue;
                }
                valid++;
                if (better(score.getAsDouble(), r.code(), genScore, genBest)) {
                    genScore = score.getAsDouble();
                    genBest = r.code();
                    genSummary = sample.summary();
                }
            }
            if (genBest != null && better(genScore, genBest, bestScore, best)) {
                if (genScore > bestScore) {
                    improvements++;
                    curve.accept(new Point(made, genScore, genSummary, (System.nanoTime() - t0) / 1_000_000));
                }
                best = genBest;
                bestScore = genScore;
            }
        }
        return new Outcome(seedScore.getAsDouble(), bestScore, best, made, lazy, notApplied, errors[0], errors[1], invalid - errors[0] - errors[1], valid, improvements);
    }

    /** Higher score wins; a tie goes to the child only when it is not longer (neutral drift without bloat). */
    private static boolean better(double score, String code, double otherScore, String otherCode) {
        return score > otherScore || (score == otherScore && otherCode != null && code.length() <= otherCode.length());
    }

    OptionalDouble evaluate(String code) {
        return evaluate(code, new int[2]);
    }

    /** The strict score of {@code code}'s output; empty when it fails ({@code errors[0]} compile, {@code errors[1]} run). */
    private OptionalDouble evaluate(String code, int[] errors) {
        Class<?> cls;
        try {
            Matcher m = CLASS_NAME.matcher(code);
            if (!m.find()) throw new CompileException("no public class", null);
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.cook(code);
            cls = compiler.getClassLoader().loadClass(m.group(1));
        } catch (CompileException | ClassNotFoundException | RuntimeException e) {
            errors[0]++;
            return OptionalDouble.empty();
        }
        Object output;
        Future<Object> run = runner.submit(() -> cls.getMethod("solve").invoke(null));
        try {
            output = run.get(timeLimitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            runner.shutdownNow();
            runner = newRunner(); // the runaway keeps its daemon thread; a fresh one serves the next child
            errors[1]++;
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            errors[1]++;
            return OptionalDouble.empty();
        }
        Verification v = problem.verify(output, 0);
        return v.valid() ? OptionalDouble.of(v.score()) : OptionalDouble.empty();
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hill-climb-candidate");
            t.setDaemon(true);
            return t;
        });
    }

    public static void main(String[] args) {
        String id = args.length > 0 ? args[0] : "circle_packing_26";
        int children = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int lambda = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        Problem problem = ProblemCatalog.open(Path.of("")).problem(id);
        HillClimb climb = new HillClimb(problem, BuiltinMutator.create(), 2000);
        System.out.printf("# (1+%d) hill climb, builtin mutator, %s, %d children, seed %d%n", lambda, id, children, seed);
        System.out.println("children\tbest\tmillis\tmutation");
        Outcome o = climb.run(problem.seedSource(), children, lambda, seed,
                p -> System.out.printf("%d\t%.12f\t%d\t%s%n", p.children(), p.best(), p.millis(), p.summary()));
        System.out.printf("# seed %.12f -> best %.12f; children %d: valid %d, invalid %d, compile errors %d, runtime errors %d, lazy %d, not applied %d, improvements %d%n",
                o.seedScore(), o.bestScore(), o.children(), o.valid(), o.invalid(), o.compileErrors(), o.runtimeErrors(), o.lazy(), o.notApplied(), o.improvements());
        System.out.println("# best program:");
        System.out.println(o.bestCode());
    }
}
