package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One search seed per family through a real worker process (compile, allow-list, harness, hard limit =
 * budget + grace): the child ends within its limit with a strictly valid construction, and a second child
 * warm-started from it is never worse.
 */
class SearchSeedsWorkerTest {

    private static WorkerPoolEvaluator pool;

    @BeforeAll
    static void start() {
        pool = WorkerPoolEvaluator.builder().workers(1).spares(0).heapMb(256).build();
    }

    @AfterAll
    static void stop() {
        if (pool != null) pool.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hadamard_29", "first_autocorrelation_c1", "hexagon_packing_11"})
    void seed_inAWorker_validWithinTheHardLimit_warmStartNeverWorse(String id) throws Exception {
        Problem problem = SearchSeeds.CATALOG.problem(id);
        String source = Files.readString(problem.spec().searchSeedFile());

        Verdict first = pool.evaluate(EvalRequest.search(source, problem, 0, null, -1, 5));
        assertThat(first.valid()).as(String.valueOf(first.error())).isTrue();
        assertThat(problem.verify(first.output(), 0).valid()).isTrue();
        assertThat(problem.direction().better(problem.spec().bestKnown().value(), first.score())).isTrue();

        Verdict second = pool.evaluate(EvalRequest.search(source, problem, 0, first.output(), 1, 6));
        assertThat(second.valid()).as(String.valueOf(second.error())).isTrue();
        assertThat(second.metrics()).containsEntry("search_warm_start", 1.0);
        assertThat(problem.direction().better(first.score(), second.score())).as("%s then %s", first.score(), second.score()).isFalse();
    }
}
