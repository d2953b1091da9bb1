package dev.thetaevolve.search;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import org.codehaus.janino.SimpleCompiler;

import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Test helper: a problem's search seed compiled in-process with Janino and wrapped as a
 * {@link SearchHarness.Candidate} (the same adapter shape the worker uses), plus a small command-line probe
 * ({@code main}: problem id, seconds per child, children) that chains children by warm start.
 */
public final class SearchSeeds {

    private SearchSeeds() {
    }

    public static SearchHarness.Candidate compile(String source) throws Exception {
        SimpleCompiler c = new SimpleCompiler();
        c.setParentClassLoader(SearchSeeds.class.getClassLoader());
        c.cook(new StringReader(source));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("public\\s+class\\s+(\\w+)").matcher(source);
        if (!m.find()) throw new IllegalArgumentException("no public class");
        Class<?> k = c.getClassLoader().loadClass(m.group(1));
        Method init = null, imp = null, per = null;
        for (Method x : k.getMethods()) {
            if (x.getName().equals("initial")) init = x;
            if (x.getName().equals("improve")) imp = x;
            if (x.getName().equals("perturb")) per = x;
        }
        Method i0 = init, i1 = imp, i2 = per;
        return new SearchHarness.Candidate() {
            public Object initial(SplittableRandom random) throws Exception {
                return call(i0, random);
            }

            public Object improve(Object current, Objective objective, SplittableRandom random, long deadlineNanos) throws Exception {
                return call(i1, current, objective, random, deadlineNanos);
            }

            public Object perturb(Object current, double intensity, SplittableRandom random) throws Exception {
                return call(i2, current, intensity, random);
            }
        };
    }

    private static Object call(Method m, Object... args) throws Exception {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
    }

    public static Objective objective(Problem p) {
        return Objective.of(p.verifier(), p.spec().returnType(), p.direction(), 0);
    }

    public static void main(String[] args) throws Exception {
        Problem p = ProblemCatalog.open(Path.of("")).problem(args[0]);
        long millis = Long.parseLong(args[1]);
        int children = Integer.parseInt(args[2]);
        SearchHarness.Candidate cand = compile(p.seedSource(dev.thetaevolve.problem.Mode.SEARCH));
        Object warm = null;
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < children; i++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            SearchHarness.Outcome o = SearchHarness.run(cand, objective(p), p.spec().returnType(), warm, i, System.nanoTime() + millis * 1_000_000L,
                    SearchHarness.Schedule.DEFAULT, System::nanoTime);
            double strict = p.verify(o.best(), 0).score();
            System.out.printf("child %d  t=%.1fs  start %.10f  best %.10f  strict %.10f  hops %d  accepted %d  overhead %.2f ms  cpu %.2fs%n", i,
                    (System.nanoTime() - t0) / 1e9, o.startScore(), o.score(), strict, o.hops(), o.accepted(), o.overheadNanos() / 1e6, (mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
            if (!Double.isNaN(o.score())) warm = o.best();
        }
    }
}
