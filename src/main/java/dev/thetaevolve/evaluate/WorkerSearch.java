package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.VerifierSource;
import dev.thetaevolve.search.Objective;
import dev.thetaevolve.search.SearchHarness;

import java.io.DataInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Search mode inside a worker JVM: resolves a candidate's {@code initial}, {@code improve} and
 * {@code perturb} by signature, compiles the problem's verifier from the source the request carries
 * (trusted code, against the worker's own loader, cached by source) into an {@link Objective}, and runs
 * the {@link SearchHarness} until the request's budget. The parent still owns the hard limit and kills
 * the worker when a candidate overruns it. Not thread-safe; one per worker.
 */
final class WorkerSearch {

    private static final int VERIFIER_CACHE = 32;

    /** A decoded OP_SEARCH request (after the op byte). */
    record Request(String source, String returnType, long maxElements, long maxBytes, VerifierSource verifier,
                   boolean maximize, double tolerance, long seed, long budgetNanos, Object warmStart) {

        static Request read(DataInputStream in) throws IOException {
            return new Request(WorkerProtocol.readString(in), WorkerProtocol.readString(in), in.readLong(), in.readLong(),
                    new VerifierSource(WorkerProtocol.readString(in), WorkerProtocol.readString(in)),
                    in.readBoolean(), in.readDouble(), in.readLong(), in.readLong(), WorkerProtocol.readOutput(in));
        }
    }

    /**
     * What the search produced: an error (kind + message) or an output, the harness's figures, and why the
     * worker must be replaced after answering (a JVM error during the run), or null.
     */
    record Result(ErrorKind kind, String message, Object output, SearchHarness.Outcome outcome, String recycle) {
        Result(ErrorKind kind, String message, Object output, SearchHarness.Outcome outcome) {
            this(kind, message, output, outcome, null);
        }
    }

    private final ClassLoader trusted;
    private final Map<String, Verifier> verifiers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verifier> e) {
            return size() > VERIFIER_CACHE;
        }
    };

    WorkerSearch(ClassLoader trusted) {
        this.trusted = trusted;
    }

    /** Why {@code entry} does not offer the three methods for {@code type}, or null when it does. */
    static String missingMethods(Class<?> entry, ReturnType type) {
        Class<?> t = javaClass(type);
        String name = type.javaName();
        String[][] wanted = {
                {"initial", "public static " + name + " initial(SplittableRandom random)"},
                {"improve", "public static " + name + " improve(" + name + " current, Objective objective, SplittableRandom random, long deadlineNanos)"},
                {"perturb", "public static " + name + " perturb(" + name + " current, double intensity, SplittableRandom random)"}};
        Class<?>[][] params = {{SplittableRandom.class}, {t, Objective.class, SplittableRandom.class, long.class},
                {t, double.class, SplittableRandom.class}};
        for (int i = 0; i < 3; i++) {
            try {
                Method m = entry.getMethod(wanted[i][0], params[i]);
                if (!java.lang.reflect.Modifier.isStatic(m.getModifiers()) || m.getReturnType() != t) {
                    return "search mode needs `" + wanted[i][1] + "` in " + entry.getName();
                }
            } catch (NoSuchMethodException e) {
                return "search mode needs `" + wanted[i][1] + "` in " + entry.getName();
            } catch (LinkageError | SecurityException e) {
                return "cannot resolve " + wanted[i][0] + " in " + entry.getName() + ": " + e;
            }
        }
        return null;
    }

    /** Runs the harness over the candidate class {@code entry}; never throws for a candidate's failure. */
    Result run(Class<?> entry, Request r, CandidateCompiler.Compiled compiled) {
        ReturnType type = ReturnType.parse(r.returnType());
        Objective objective;
        try {
            objective = Objective.of(verifier(r.verifier()), type, r.maximize() ? Direction.MAXIMIZE : Direction.MINIMIZE, r.tolerance());
        } catch (RuntimeException e) {
            return new Result(ErrorKind.INTERNAL, "the problem's verifier does not load in the worker: " + e.getMessage(), null, null);
        }
        Class<?> t = javaClass(type);
        // method handles, not Method.invoke: reflection's generated accessors would be defined under the
        // candidate's filtering loader, which cannot see jdk.internal.reflect
        MethodHandle initial, improve, perturb;
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            initial = lookup.unreflect(entry.getMethod("initial", SplittableRandom.class));
            improve = lookup.unreflect(entry.getMethod("improve", t, Objective.class, SplittableRandom.class, long.class));
            perturb = lookup.unreflect(entry.getMethod("perturb", t, double.class, SplittableRandom.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return new Result(ErrorKind.COMPILE, missingMethods(entry, type), null, null);
        }
        SearchHarness.Candidate candidate = new SearchHarness.Candidate() {
            @Override
            public Object initial(SplittableRandom random) throws Exception {
                try {
                    return initial.invoke(random);
                } catch (Exception e) {
                    throw e;
                } catch (Throwable e) {
                    throw new InvocationTargetException(e);
                }
            }

            @Override
            public Object improve(Object current, Objective o, SplittableRandom random, long deadlineNanos) throws Exception {
                try {
                    return improve.invoke(current, o, random, deadlineNanos);
                } catch (Exception e) {
                    throw e;
                } catch (Throwable e) {
                    throw new InvocationTargetException(e);
                }
            }

            @Override
            public Object perturb(Object current, double intensity, SplittableRandom random) throws Exception {
                try {
                    return perturb.invoke(current, intensity, random);
                } catch (Exception e) {
                    throw e;
                } catch (Throwable e) {
                    throw new InvocationTargetException(e);
                }
            }
        };
        long deadline = System.nanoTime() + r.budgetNanos();
        try {
            SearchHarness.Outcome o = SearchHarness.run(candidate, objective, type, r.warmStart(), r.seed(), deadline,
                    SearchHarness.Schedule.DEFAULT, System::nanoTime);
            return new Result(null, null, o.best(), o);
        } catch (SearchHarness.Failure f) {
            if (f.contract()) return new Result(ErrorKind.INVALID_OUTPUT, f.getMessage(), null, null);
            Throwable cause = f.getCause() instanceof InvocationTargetException ite ? ite.getCause() : f.getCause();
            String recycle = Failures.jvmError(f.getCause()) ? "the run ended with " + Failures.jvmErrorName(f.getCause()) : null;
            return new Result(ErrorKind.RUNTIME, f.method() + "() threw " + Failures.describe(cause, compiled.classes().keySet()), null, null, recycle);
        }
        // anything else (an Error from a static initializer...) is formatted by the caller, WorkerMain
    }

    private Verifier verifier(VerifierSource source) {
        String key = source.className() + "\u0000" + source.text();
        Verifier v = verifiers.get(key);
        if (v == null) {
            v = source.compile(trusted);
            verifiers.put(key, v);
        }
        return v;
    }

    static Class<?> javaClass(ReturnType type) {
        return switch (type) {
            case DOUBLE_MATRIX -> double[][].class;
            case DOUBLE_VECTOR -> double[].class;
            case LONG_MATRIX -> long[][].class;
            case INT_MATRIX -> int[][].class;
            case INT_VECTOR -> int[].class;
            case LONG_VECTOR -> long[].class;
        };
    }

    /** Appends the harness's figures to a RESULT frame of a search (zeros when it failed). */
    static void writeOutcome(WorkerProtocol.Payload p, SearchHarness.Outcome o) throws IOException {
        p.writeBoolean(o != null && o.warmStarted());
        p.writeDouble(o == null ? Double.NaN : o.startScore());
        p.writeInt(o == null ? 0 : o.hops());
        p.writeInt(o == null ? 0 : o.accepted());
        p.writeLong(o == null ? 0 : o.elapsedNanos());
        p.writeLong(o == null ? 0 : o.candidateNanos());
        p.writeLong(o == null ? 0 : o.objectiveCalls());
    }

    /** The figures {@link #writeOutcome} wrote, as verdict metrics (search_*). */
    static Map<String, Double> readOutcome(DataInputStream in) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("search_warm_start", in.readBoolean() ? 1.0 : 0.0);
        double start = in.readDouble();
        if (Double.isFinite(start)) m.put("search_start_score", start);
        m.put("search_hops", (double) in.readInt());
        m.put("search_accepted", (double) in.readInt());
        long elapsed = in.readLong();
        long inCandidate = in.readLong();
        m.put("search_overhead_ms", (elapsed - inCandidate) / 1e6);
        m.put("search_objective_calls", (double) in.readLong());
        return m;
    }
}
