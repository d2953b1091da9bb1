package dev.thetaevolve.problem;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifierCrashTest {

    @Test
    void verify_verifierThrows_verifierCrashNotAnInvalidVerdict() {
        Problem circle = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
        Problem broken = new Problem(circle.spec(), (output, tolerance) -> {
            throw new ArrayIndexOutOfBoundsException("index 26 out of bounds for length 26");
        });
        assertThatThrownBy(() -> broken.verify(new double[26][3], 0)).isInstanceOf(VerifierCrash.class)
                .hasMessage("the verifier of circle_packing_26 crashed: java.lang.ArrayIndexOutOfBoundsException: index 26 out of bounds for length 26")
                .hasCauseInstanceOf(ArrayIndexOutOfBoundsException.class);
    }

    @Test
    void verify_wrongType_stillTheCandidatesInvalidOutput() {
        Problem circle = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
        assertThat(circle.verify("not an array", 0).valid()).isFalse();
    }
}
