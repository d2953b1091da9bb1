package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.Verification;
import org.codehaus.janino.SimpleCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.lang.reflect.Method;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each geometric seed compiles under Janino (the candidates' dialect), returns a strictly valid but weak
 * construction, and finishes well within its time limit. Seeds are trusted here, so they run in-process.
 */
class GeometricSeedsTest {

    static final List<String> IDS = GeometryFixtures.IDS;

    @ParameterizedTest
    @FieldSource("IDS")
    void solve_seedCompiledWithJanino_strictlyValidWeakAndFast(String id) throws Exception {
        Problem problem = GeometryFixtures.problem(id);
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(GeometricSeedsTest.class.getClassLoader());
        compiler.cook(problem.spec().seedFile().toString(), problem.seedSource());
        Method solve = compiler.getClassLoader().loadClass("Seed").getMethod("solve");

        long start = System.nanoTime();
        Object output = solve.invoke(null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Verification v = problem.verify(output, 0);

        assertThat(problem.seedSource()).contains("// EVOLVE-BLOCK-START").contains("// EVOLVE-BLOCK-END");
        assertThat(v.reason()).isNull();
        assertThat(v.valid()).isTrue();
        assertThat(problem.direction().better(problem.spec().bestKnown().value(), v.score())).as("seed must be weaker than the best known").isTrue();
        assertThat(millis).isLessThan(problem.spec().timeLimitMillis() / 10);
    }
}
