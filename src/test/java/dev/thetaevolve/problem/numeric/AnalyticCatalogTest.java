package dev.thetaevolve.problem.numeric;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytic problems load from problems/ and their verifiers compile from evaluators/. */
class AnalyticCatalogTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"first_autocorrelation_c1", "second_autocorrelation_c2", "third_autocorrelation_c3",
            "third_autocorrelation_c3_prime", "erdos_minimum_overlap", "uncertainty_hermite", "kissing_number_11",
            "sums_differences_c6_u1", "hadamard_29"})
    void problem_analyticId_specLoadsAndVerifierCompiles(String id) {
        Problem p = References.catalog().problem(id);
        ProblemSpec s = p.spec();

        assertThat(s.taskText()).isNotBlank();
        assertThat(s.title()).isNotBlank();
        assertThat(s.bestKnown().source()).isNotBlank();
        assertThat(s.defaultTolerance()).isZero();
        assertThat(p.verifier()).isNotNull();
        assertThat(p.seedSource()).contains("public static " + s.returnType().javaName() + " solve()");
    }
}
