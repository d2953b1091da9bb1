package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.ReturnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every geometric problem loads from problems/ and evaluators/, and its spec agrees with its reference file. */
class GeometricCatalogTest {

    static final List<String> IDS = GeometryFixtures.IDS;

    @Test
    void specs_containEveryGeometricProblem() {
        assertThat(GeometryFixtures.catalog().specs()).extracting(ProblemSpec::id).containsAll(IDS);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void problem_verifierCompilesAndSpecMatchesReference(String id) {
        Problem problem = GeometryFixtures.problem(id);
        ProblemSpec spec = problem.spec();

        assertThat(problem.verifier()).isNotNull();
        assertThat(spec.returnType()).isEqualTo(ReturnType.DOUBLE_MATRIX);
        assertThat(spec.direction()).isEqualTo(Direction.parse((String) GeometryFixtures.reference(id).get("direction")));
        // AlphaEvolve's value is kept beside today's record, which is never worse than it
        assertThat(spec.bestKnown().alphaEvolve().value()).isEqualTo(GeometryFixtures.recomputedValue(id));
        assertThat(spec.direction().better(GeometryFixtures.recomputedValue(id), spec.bestKnown().value())).isFalse();
        assertThat(spec.bestKnown().check()).isNotBlank();
        assertThat(spec.defaultTolerance()).isZero();
        assertThat(spec.taskText()).contains("Return a double[");
        double best = spec.bestKnown().value();
        double rewardAtBest = spec.shaping().shape(best, spec.direction());
        assertThat(rewardAtBest).isEqualTo(spec.shaping().m());
    }
}
