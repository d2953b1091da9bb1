package dev.thetaevolve.search;

import dev.thetaevolve.problem.ReturnType;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * The trusted basin-hopping loop of search mode (DESIGN.md §10). A candidate offers three methods; the
 * harness owns the loop, the copies and the bookkeeping:
 * <ol>
 *   <li>start: the warm start (the parent's stored construction) when the objective finds it valid, else
 *       {@code initial(random)};</li>
 *   <li>{@code improve(start)}; best = the better of the two;</li>
 *   <li>until the deadline: {@code perturb(best, intensity)} then {@code improve}, keep the result when the
 *       objective finds it {@linkplain Objective#better better}; the intensity follows a {@link Schedule};</li>
 *   <li>return the best (or, when nothing was ever valid, the last construction, so that the verifier can
 *       say why it fails).</li>
 * </ol>
 * Every construction handed to the candidate is a fresh deep copy, so a candidate that edits its argument
 * in place cannot corrupt the best. A method that returns null or another Java type breaks the contract
 * ({@link Failure#contract()}); one that throws fails the child. The harness checks the clock between
 * calls; a call that never returns is the parent's to kill (the worker's hard time limit), which costs
 * only that child.
 *
 * <p>Time comes from an injected nanosecond clock; randomness from one {@link SplittableRandom} seeded by
 * the caller. The number of hops depends on speed, so a search child is reproducible only up to timing.
 */
public final class SearchHarness {

    private SearchHarness() {
    }

    /** The three methods of a search-mode candidate; T is the problem's return type. */
    public interface Candidate {
        Object initial(SplittableRandom random) throws Exception;

        Object improve(Object current, Objective objective, SplittableRandom random, long deadlineNanos) throws Exception;

        Object perturb(Object current, double intensity, SplittableRandom random) throws Exception;
    }

    /**
     * Adaptive intensity, a sawtooth: starts at {@code min}; after a hop that did not improve it grows by
     * {@code growth} up to {@code max}, and after a hop at {@code max} that did not improve it starts over at
     * {@code min}; after an improvement it falls back to {@code min}. Starting over matters: a schedule that
     * stays at {@code max} once a basin is hard to leave makes only large jumps from then on, and large
     * jumps rarely land in a better basin (a circle_packing_26 search stalled that way).
     */
    public record Schedule(double min, double max, double growth) {
        public static final Schedule DEFAULT = new Schedule(0.05, 1.0, 1.3);

        public Schedule {
            if (!(min > 0) || !(max <= 1) || min > max || !(growth >= 1)) {
                throw new IllegalArgumentException("schedule needs 0 < min <= max <= 1 and growth >= 1, got " + min + ", " + max + ", " + growth);
            }
        }

        public double next(double current, boolean improved) {
            if (improved || current >= max) return min;
            return Math.min(max, current * growth);
        }
    }

    /** A candidate method threw ({@code contract() == false}) or broke the contract (null, another type). */
    public static final class Failure extends Exception {
        private final String method;
        private final boolean contract;

        Failure(String method, String message, Throwable cause, boolean contract) {
            super(message, cause);
            this.method = method;
            this.contract = contract;
        }

        public String method() {
            return method;
        }

        public boolean contract() {
            return contract;
        }
    }

    /**
     * What one search did.
     *
     * @param best           the construction to verify (a fresh array of the return type)
     * @param score          its objective score, NaN when invalid
     * @param warmStarted    true when the search started from the warm start
     * @param startScore     the objective score of the start (warm start or initial())
     * @param hops           perturb + improve rounds completed
     * @param accepted       rounds whose result became the best
     * @param elapsedNanos   wall time of the whole search
     * @param candidateNanos time spent inside the candidate's methods (the rest is the harness's overhead)
     * @param objectiveCalls calls the objective answered, the harness's own included
     */
    public record Outcome(Object best, double score, boolean warmStarted, double startScore, int hops, int accepted,
                         long elapsedNanos, long candidateNanos, long objectiveCalls) {
        public long overheadNanos() {
            return elapsedNanos - candidateNanos;
        }
    }

    /**
     * Runs one search until {@code deadlineNanos} (a {@code clock} value).
     *
     * @param warmStart a construction to start from, or null
     * @throws Failure when a candidate method throws or breaks the contract
     */
    public static Outcome run(Candidate candidate, Objective objective, ReturnType type, Object warmStart, long seed,
                              long deadlineNanos, Schedule schedule, LongSupplier clock) throws Failure {
        Run r = new Run(candidate, objective, type, new SplittableRandom(seed), deadlineNanos, clock);
        return r.search(warmStart, schedule);
    }

    /** One search's state. */
    private static final class Run {
        final Candidate candidate;
        final Objective objective;
        final ReturnType type;
        final SplittableRandom random;
        final long deadline;
        final LongSupplier clock;
        long inCandidate;

        Run(Candidate candidate, Objective objective, ReturnType type, SplittableRandom random, long deadline, LongSupplier clock) {
            this.candidate = candidate;
            this.objective = objective;
            this.type = type;
            this.random = random;
            this.deadline = deadline;
            this.clock = clock;
        }

        Outcome search(Object warmStart, Schedule schedule) throws Failure {
            long t0 = clock.getAsLong();
            boolean warm = warmStart != null && type.accepts(warmStart) && rowsPresent(warmStart) && objective.valid(warmStart);
            Object best = warm ? Constructions.copy(warmStart) : call("initial", null, 0);
            double bestScore = objective.score(best);
            double startScore = bestScore;
            Object last = best;
            int hops = 0;
            int accepted = 0;
            if (clock.getAsLong() < deadline) {
                Object improved = call("improve", best, 0);
                last = improved;
                if (objective.better(improved, best)) {
                    best = improved;
                    bestScore = objective.score(best);
                }
            }
            double intensity = schedule.min();
            while (clock.getAsLong() < deadline) {
                Object jumped = call("perturb", best, intensity);
                if (clock.getAsLong() >= deadline) break;
                Object improved = call("improve", jumped, 0);
                last = improved;
                hops++;
                boolean better = objective.better(improved, best);
                if (better) {
                    best = improved;
                    bestScore = objective.score(best);
                    accepted++;
                }
                intensity = schedule.next(intensity, better);
            }
            Object out = Double.isNaN(bestScore) ? last : best;
            return new Outcome(Constructions.copy(out), objective.score(out), warm, startScore, hops, accepted,
                    clock.getAsLong() - t0, inCandidate, objective.calls());
        }

        /** Calls one candidate method on a fresh copy and checks what it returns. */
        private Object call(String method, Object current, double intensity) throws Failure {
            Object arg = current == null ? null : Constructions.copy(current);
            long t = clock.getAsLong();
            Object out;
            try {
                out = switch (method) {
                    case "initial" -> candidate.initial(random);
                    case "improve" -> candidate.improve(arg, objective, random, deadline);
                    default -> candidate.perturb(arg, intensity, random);
                };
            } catch (Exception e) {
                throw new Failure(method, method + "() threw " + e, e, false);
            } finally {
                inCandidate += clock.getAsLong() - t;
            }
            if (out == null) throw new Failure(method, method + "() returned null; it must return a " + type.javaName(), null, true);
            if (!type.accepts(out)) {
                throw new Failure(method, method + "() returned a " + out.getClass().getTypeName() + "; it must return a " + type.javaName(), null, true);
            }
            if (!rowsPresent(out)) throw new Failure(method, method + "() returned a " + type.javaName() + " with a null row", null, true);
            return Constructions.copy(out); // the candidate may keep a reference to what it returned
        }

        private static boolean rowsPresent(Object o) {
            if (o instanceof Object[] rows) {
                for (Object row : rows) if (row == null) return false;
            }
            return true;
        }
    }
}
