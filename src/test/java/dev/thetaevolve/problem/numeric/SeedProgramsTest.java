package dev.thetaevolve.problem.numeric;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.Verification;
import org.codehaus.janino.SimpleCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each seed compiles under Janino, returns a strictly valid construction well within its time limit. */
class SeedProgramsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"first_autocorrelation_c1", "second_autocorrelation_c2", "third_autocorrelation_c3",
            "third_autocorrelation_c3_prime", "erdos_minimum_overlap", "uncertainty_hermite", "kissing_number_11",
            "sums_differences_c6_u1", "hadamard_29"})
    void solve_seed_strictValidAndFast(String id) throws Exception {
        Problem problem = References.problem(id);
        String source = problem.seedSource();
        assertThat(source).contains("// EVOLVE-BLOCK-START").contains("// EVOLVE-BLOCK-END");
        SimpleCompiler compiler = new SimpleCompiler(); // trusted test code: no sandbox needed here
        compiler.cook(source);

        long start = System.nanoTime();
        Object output = compiler.getClassLoader().loadClass("Seed").getMethod("solve").invoke(null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Verification v = problem.verify(output, 0);

        assertThat(v.valid()).as(v.reason()).isTrue();
        assertThat(millis).isLessThan(problem.spec().timeLimitMillis() / 10);
        assertThat(problem.spec().shaping().shape(v.score(), problem.direction())).isLessThan(problem.spec().shaping().m());
        System.out.println(id + " seed score " + v.score() + " " + v.metrics());
    }
}
