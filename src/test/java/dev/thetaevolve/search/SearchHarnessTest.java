package dev.thetaevolve.search;

import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness with scripted candidates on a toy problem: maximize x of {x}, valid while 0 <= x <= 10. */
class SearchHarnessTest {

    static final Verifier TOY = (output, tol) -> {
        double x = ((double[]) output)[0];
        return ((double[]) output).length == 1 && x >= 0 && x <= 10 + tol ? Verification.valid(x) : Verification.invalid("x out of [0, 10]");
    };

    static Objective objective() {
        return Objective.of(TOY, ReturnType.DOUBLE_VECTOR, Direction.MAXIMIZE, 0);
    }

    /** A fake clock that advances one unit per reading; the deadline counts readings. */
    static final class Ticks implements java.util.function.LongSupplier {
        final AtomicLong t = new AtomicLong();

        @Override
        public long getAsLong() {
            return t.incrementAndGet();
        }
    }

    /** Scripted: initial {1}; improve adds 1 unless the script says otherwise; perturb records its intensity. */
    static class Scripted implements SearchHarness.Candidate {
        final List<Double> intensities = new ArrayList<>();
        final List<double[]> improveArgs = new ArrayList<>();
        int initialCalls;
        double step = 1;

        @Override
        public Object initial(SplittableRandom random) {
            initialCalls++;
            return new double[] {1};
        }

        @Override
        public Object improve(Object current, Objective objective, SplittableRandom random, long deadlineNanos) {
            double[] c = (double[]) current;
            improveArgs.add(c.clone());
            return new double[] {c[0] + step};
        }

        @Override
        public Object perturb(Object current, double intensity, SplittableRandom random) {
            intensities.add(intensity);
            return current;
        }
    }

    @Test
    void run_keepsTheBestAndStopsAtTheDeadline() throws Exception {
        Scripted c = new Scripted();
        Ticks clock = new Ticks();
        SearchHarness.Outcome o = SearchHarness.run(c, objective(), ReturnType.DOUBLE_VECTOR, null, 1, 60, SearchHarness.Schedule.DEFAULT, clock);
        // climbs 1 → 10, then every further improve is invalid (11) and the best stays 10
        assertThat(((double[]) o.best())[0]).isEqualTo(10.0);
        assertThat(o.score()).isEqualTo(10.0);
        assertThat(o.warmStarted()).isFalse();
        assertThat(c.initialCalls).isEqualTo(1);
        assertThat(o.accepted()).isEqualTo(8); // 2→…→10 after the first improve (1→2)
        assertThat(o.hops()).isGreaterThan(o.accepted());
        assertThat(clock.t.get()).isLessThan(70); // no call started after the deadline
    }

    @Test
    void run_startsFromAValidWarmStartAndIgnoresAnInvalidOne() throws Exception {
        Scripted c = new Scripted();
        SearchHarness.Outcome o = SearchHarness.run(c, objective(), ReturnType.DOUBLE_VECTOR, new double[] {7}, 1, 20, SearchHarness.Schedule.DEFAULT, new Ticks());
        assertThat(o.warmStarted()).isTrue();
        assertThat(o.startScore()).isEqualTo(7.0);
        assertThat(c.initialCalls).isZero();
        assertThat(c.improveArgs.get(0)).containsExactly(7.0);

        Scripted d = new Scripted();
        SearchHarness.Outcome p = SearchHarness.run(d, objective(), ReturnType.DOUBLE_VECTOR, new double[] {70}, 1, 20, SearchHarness.Schedule.DEFAULT, new Ticks());
        assertThat(p.warmStarted()).isFalse();
        assertThat(d.initialCalls).isEqualTo(1);
    }

    @Test
    void run_followsTheIntensitySchedule() throws Exception {
        Scripted c = new Scripted();
        c.step = 0; // improve never improves: intensity grows every hop up to max, then starts over (a sawtooth)
        SearchHarness.Schedule s = new SearchHarness.Schedule(0.1, 0.5, 2);
        SearchHarness.run(c, objective(), ReturnType.DOUBLE_VECTOR, null, 1, 100, s, new Ticks());
        assertThat(c.intensities.subList(0, 9)).containsExactly(0.1, 0.2, 0.4, 0.5, 0.1, 0.2, 0.4, 0.5, 0.1);

        Scripted d = new Scripted(); // improves every hop until 10: intensity stays at min, then grows
        SearchHarness.run(d, objective(), ReturnType.DOUBLE_VECTOR, null, 1, 80, s, new Ticks());
        assertThat(d.intensities.subList(0, 9)).containsExactly(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1);
        assertThat(d.intensities.subList(9, 12)).containsExactly(0.2, 0.4, 0.5);
    }

    @Test
    void run_handsOutCopies_soInPlaceEditsCannotCorruptTheBest() throws Exception {
        SearchHarness.Candidate c = new Scripted() {
            double[] kept;

            @Override
            public Object improve(Object current, Objective objective, SplittableRandom random, long deadlineNanos) {
                if (kept != null) kept[0] = 1e9; // edits what it returned earlier: the harness kept a copy
                double[] x = (double[]) current;
                x[0] = Math.min(10, x[0] + 1); // edits its argument in place and returns it
                kept = x;
                return x;
            }

            @Override
            public Object perturb(Object current, double intensity, SplittableRandom random) {
                double v = ((double[]) current)[0];
                ((double[]) current)[0] = -5; // vandalises the copy it was given
                return new double[] {v};
            }
        };
        SearchHarness.Outcome o = SearchHarness.run(c, objective(), ReturnType.DOUBLE_VECTOR, null, 1, 200, SearchHarness.Schedule.DEFAULT, new Ticks());
        assertThat(((double[]) o.best())[0]).isEqualTo(10.0);
    }

    @Test
    void run_reportsContractBreachesAndThrows() {
        Scripted nulls = new Scripted() {
            @Override
            public Object perturb(Object current, double intensity, SplittableRandom random) {
                return null;
            }
        };
        assertThatThrownBy(() -> SearchHarness.run(nulls, objective(), ReturnType.DOUBLE_VECTOR, null, 1, 40, SearchHarness.Schedule.DEFAULT, new Ticks()))
                .isInstanceOfSatisfying(SearchHarness.Failure.class, f -> {
                    assertThat(f.contract()).isTrue();
                    assertThat(f.method()).isEqualTo("perturb");
                    assertThat(f.getMessage()).contains("perturb() returned null; it must return a double[]");
                });
        Scripted shape = new Scripted() {
            @Override
            public Object improve(Object current, Objective objective, SplittableRandom random, long deadlineNanos) {
                return new double[][] {{1}};
            }
        };
        assertThatThrownBy(() -> SearchHarness.run(shape, objective(), ReturnType.DOUBLE_VECTOR, null, 1, 40, SearchHarness.Schedule.DEFAULT, new Ticks()))
                .hasMessageContaining("improve() returned a double[][]; it must return a double[]");
        Scripted throwing = new Scripted() {
            @Override
            public Object initial(SplittableRandom random) {
                throw new IllegalStateException("boom");
            }
        };
        assertThatThrownBy(() -> SearchHarness.run(throwing, objective(), ReturnType.DOUBLE_VECTOR, null, 1, 40, SearchHarness.Schedule.DEFAULT, new Ticks()))
                .isInstanceOfSatisfying(SearchHarness.Failure.class, f -> assertThat(f.contract()).isFalse())
                .hasMessageContaining("initial() threw java.lang.IllegalStateException: boom");
    }

    @Test
    void run_returnsTheLastConstructionWhenNothingWasValid() throws Exception {
        Scripted c = new Scripted() {
            @Override
            public Object initial(SplittableRandom random) {
                return new double[] {-3};
            }

            @Override
            public Object improve(Object current, Objective objective, SplittableRandom random, long deadlineNanos) {
                return new double[] {-4};
            }
        };
        SearchHarness.Outcome o = SearchHarness.run(c, objective(), ReturnType.DOUBLE_VECTOR, null, 1, 20, SearchHarness.Schedule.DEFAULT, new Ticks());
        assertThat(o.score()).isNaN();
        assertThat(((double[]) o.best())[0]).isEqualTo(-4.0);
    }

    @Test
    void schedule_rejectsBadBounds() {
        assertThatThrownBy(() -> new SearchHarness.Schedule(0, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SearchHarness.Schedule(0.5, 0.2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
