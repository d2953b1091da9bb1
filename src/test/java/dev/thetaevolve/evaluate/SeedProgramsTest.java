package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every problem's seed program runs in the real sandbox, valid, within its time limit, on the Janino tier. */
class SeedProgramsTest {
    private static final ProblemCatalog CATALOG = ProblemCatalog.open(Path.of(""));
    private static WorkerPoolEvaluator pool;

    @BeforeAll
    static void start() {
        pool = WorkerPoolEvaluator.builder().workers(2).build();
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    static List<String> ids() {
        return CATALOG.specs().stream().map(ProblemSpec::id).toList();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void seed_isValidInTheSandbox(String id) {
        Problem problem = CATALOG.problem(id);
        Verdict v = pool.evaluate(problem.seedSource(), problem, 0);
        assertThat(v.valid()).as(id + ": " + v.error()).isTrue();
        assertThat(v.tier()).isEqualTo(Tier.JANINO);
        assertThat(v.runMillis()).isLessThan(problem.spec().timeLimitMillis());
        assertThat(problem.direction().better(v.score(), problem.spec().bestKnown().value())).as("a seed is weak").isFalse();
    }
}
