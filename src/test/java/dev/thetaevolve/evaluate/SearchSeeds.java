package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.search.Objective;
import dev.thetaevolve.search.SearchHarness;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Test fixture: runs a problem's search seed in process the way a worker does (the candidate compiler with
 * its allow-list scan, a fresh candidate class loader, {@link SearchHarness} with an {@link Objective} over
 * the problem's verifier), without a worker process.
 */
final class SearchSeeds {

    static final ProblemCatalog CATALOG = ProblemCatalog.open(ProblemCatalog.locateHome());

    private SearchSeeds() {
    }

    /** The seed compiled and scanned as a worker compiles a search candidate. */
    static CandidateCompiler.Compiled compile(ProblemSpec spec) throws Exception {
        String source = Files.readString(spec.searchSeedFile());
        return new CandidateCompiler(SearchSeeds.class.getClassLoader()).compile(source, spec.returnType().javaName(), true);
    }

    static Class<?> load(CandidateCompiler.Compiled compiled) throws ClassNotFoundException {
        ClassLoader own = SearchSeeds.class.getClassLoader();
        return Class.forName(compiled.entryClass(), false, new CandidateClassLoader(new FilteringClassLoader(own, true), compiled.classes()));
    }

    /**
     * The three methods as method handles. (Method.invoke would inflate after ~15 calls on Java 17 into an
     * accessor class the candidate's filtering loader cannot see; handles do not.)
     */
    static SearchHarness.Candidate candidate(Class<?> entry, ProblemSpec spec) throws ReflectiveOperationException {
        Class<?> t = WorkerSearch.javaClass(spec.returnType());
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle initial = lookup.unreflect(entry.getMethod("initial", SplittableRandom.class));
        MethodHandle improve = lookup.unreflect(entry.getMethod("improve", t, Objective.class, SplittableRandom.class, long.class));
        MethodHandle perturb = lookup.unreflect(entry.getMethod("perturb", t, double.class, SplittableRandom.class));
        return new SearchHarness.Candidate() {
            @Override
            public Object initial(SplittableRandom random) throws Exception {
                return call(initial, random);
            }

            @Override
            public Object improve(Object current, Objective o, SplittableRandom random, long deadlineNanos) throws Exception {
                return call(improve, current, o, random, deadlineNanos);
            }

            @Override
            public Object perturb(Object current, double intensity, SplittableRandom random) throws Exception {
                return call(perturb, current, intensity, random);
            }
        };
    }

    private static Object call(MethodHandle m, Object... args) throws Exception {
        try {
            return m.invokeWithArguments(args);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** One harness run from {@code warmStart} (null: the seed's initial()) for {@code budgetMillis}. */
    static SearchHarness.Outcome run(Problem problem, long seed, long budgetMillis, Object warmStart) throws Exception {
        ProblemSpec spec = problem.spec();
        CandidateCompiler.Compiled compiled = compile(spec);
        if (!compiled.ok()) throw new IllegalStateException(spec.id() + ": " + compiled.message());
        Class<?> entry = load(compiled);
        Objective objective = Objective.of(problem.verifier(), spec.returnType(), spec.direction(), 0);
        return SearchHarness.run(candidate(entry, spec), objective, spec.returnType(), warmStart, seed,
                System.nanoTime() + budgetMillis * 1_000_000L, SearchHarness.Schedule.DEFAULT, System::nanoTime);
    }

    /** Development aid: {@code java ... SearchSeeds <problem-id> <millis> [seed] [children]} chains warm starts. */
    public static void main(String[] args) throws Exception {
        Problem p = CATALOG.problem(args[0]);
        long millis = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int children = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Object warm = null;
        long t0 = System.nanoTime();
        for (int c = 0; c < children; c++) {
            SearchHarness.Outcome o = run(p, seed + c, millis, warm);
            if (Double.isNaN(o.score())) {
                System.out.println("invalid: " + p.verify(o.best(), 0).reason());
            } else {
                warm = o.best();
            }
            System.out.printf("%s child %d start %.10g best %.10g hops %d accepted %d (%.1f s); best known %.10g, strict %s%n", args[0], c,
                    o.startScore(), o.score(), o.hops(), o.accepted(), (System.nanoTime() - t0) / 1e9, p.spec().bestKnown().value(),
                    p.verify(o.best(), 0).valid());
        }
        if (!Path.of("problems").toFile().isDirectory()) System.out.println("(run from the project root)");
    }
}
