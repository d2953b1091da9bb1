package dev.thetaevolve.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Objective agrees with the trusted verifier on every reference construction of ../shared/reference/. */
class ObjectiveTest {

    static final ProblemCatalog CATALOG = ProblemCatalog.open(Path.of(""));
    static final ObjectMapper JSON = new ObjectMapper();

    static Path referenceDir() {
        for (Path p : new Path[] {Path.of("../shared/reference/alphaevolve"), Path.of("/work/shared/reference/alphaevolve")}) {
            if (Files.isDirectory(p)) return p;
        }
        throw new IllegalStateException("../shared/reference/alphaevolve not found beside the project");
    }

    /** Problems of the catalog that have a reference file of the same id. */
    static Stream<String> referenced() {
        Path dir = referenceDir();
        return CATALOG.specs().stream().map(ProblemSpec::id).filter(id -> Files.isRegularFile(dir.resolve(id + ".json")));
    }

    @ParameterizedTest
    @MethodSource("referenced")
    void objective_agreesWithTheVerifier_onTheReference(String id) throws Exception {
        Problem p = CATALOG.problem(id);
        JsonNode root = JSON.readTree(referenceDir().resolve(id + ".json").toFile());
        Object data = p.verifier().fromJson(JSON.convertValue(root.get("data"), Object.class), p.spec().returnType());
        Verification v = p.verify(data, 0);
        Objective o = Objective.of(p.verifier(), p.spec().returnType(), p.direction(), 0);
        assertThat(o.maximize()).isEqualTo(p.direction() == dev.thetaevolve.problem.Direction.MAXIMIZE);
        assertThat(o.valid(data)).isEqualTo(v.valid());
        if (v.valid()) {
            assertThat(o.score(data)).isEqualTo(v.score());
            assertThat(o.violation(data)).isZero();
        } else {
            assertThat(o.score(data)).isNaN();
            assertThat(o.violation(data)).isPositive();
        }
    }

    @Test
    void objective_onBrokenCirclePackings_isInvalidWithAGrowingViolation() {
        Problem p = CATALOG.problem("circle_packing_26");
        Objective o = Objective.of(p.verifier(), p.spec().returnType(), p.direction(), 0);
        double[][] c = new double[26][];
        for (int i = 0; i < 26; i++) c[i] = new double[] {(i % 6 + 0.5) / 6, (i / 6 + 0.5) / 5, 0.05};
        assertThat(o.valid(c)).isTrue();
        c[0][2] = 0.09;
        double small = o.violation(c);
        c[0][2] = 0.12;
        double large = o.violation(c);
        assertThat(small).isPositive();
        assertThat(large).isGreaterThan(small);
        assertThat(o.score(c)).isNaN();
        assertThat(o.better(c, null)).isFalse();
        assertThat(o.violation(new double[] {1})).isInfinite(); // another type
        assertThat(o.score(new double[3][3])).isNaN(); // another shape
        assertThat(Objective.of(p.verifier(), ReturnType.DOUBLE_MATRIX, p.direction(), 0).calls()).isZero();
    }
}
