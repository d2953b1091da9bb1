package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerPoolEvaluatorTest {

    private static WorkerPoolEvaluator pool;
    private static Problem problem;

    @BeforeAll
    static void start() {
        pool = WorkerPoolEvaluator.builder().workers(2).heapMb(256).build();
        problem = TestProblems.circlePacking(2_000);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void evaluate_seedProgram_isValidWithJaninoTier() {
        Verdict v = pool.evaluate(problem.seedSource(), problem, 0);
        assertThat(v.error()).isNull();
        assertThat(v.valid()).isTrue();
        assertThat(v.tier()).isEqualTo(Tier.JANINO);
        assertThat(v.score()).isCloseTo(26 * 0.037, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(v.output()).isInstanceOf(double[][].class);
    }
}
