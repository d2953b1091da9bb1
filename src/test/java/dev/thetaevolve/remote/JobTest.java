package dev.thetaevolve.remote;

import dev.thetaevolve.evaluate.ErrorKind;
import dev.thetaevolve.evaluate.EvalRequest;
import dev.thetaevolve.evaluate.RawResult;
import dev.thetaevolve.evaluate.Tier;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire forms of jobs and results: round trips, and refusals of anything malformed (dead letters). */
class JobTest {
    static final Problem PROBLEM = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");

    @Test
    void constructJob_roundTrips_withoutVerifierOrWarmStart() throws IOException {
        Job j = Job.decode(Job.of(EvalRequest.construct("class A {}", PROBLEM, 1e-6)).encode());
        assertThat(j.problemId()).isEqualTo("circle_packing_26");
        assertThat(j.source()).isEqualTo("class A {}");
        assertThat(j.tolerance()).isEqualTo(1e-6);
        assertThat(j.timeLimitMillis()).isEqualTo(PROBLEM.spec().timeLimitMillis());
        assertThat(j.verifier()).isNull();
        assertThat(j.warmStart()).isNull();
        EvalRequest r = j.request();
        assertThat(r.hardLimitMillis()).isEqualTo(PROBLEM.spec().timeLimitMillis());
        assertThat(r.problem().spec().returnType()).isEqualTo(PROBLEM.spec().returnType());
    }

    @Test
    void malformedJobs_areRefusedWithAReason() {
        byte[] good = Job.of(EvalRequest.construct("class A {}", PROBLEM, 0)).encode();
        assertThatThrownBy(() -> Job.decode(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> Job.decode(Arrays.copyOf(good, good.length - 3))).isInstanceOf(IOException.class);
        byte[] version = good.clone();
        version[0] = 9;
        assertThatThrownBy(() -> Job.decode(version)).hasMessageContaining("version");
        assertThatThrownBy(() -> Job.decode(Arrays.copyOf(good, good.length + 1))).hasMessageContaining("trailing");
        assertThatThrownBy(() -> Job.decode("{\"source\":\"x\"}".getBytes())).isInstanceOf(IOException.class);
    }

    @Test
    void results_roundTrip_andCannotClaimValidity() throws IOException {
        double[][] out = {{0.5, 0.5, 0.1}};
        RawResult r = RawResult.decode(new RawResult(null, null, Tier.JANINO, 3, 4, out, Map.of("search.steps", 12.0)).encode());
        assertThat((double[][]) r.output()).isDeepEqualTo(out);
        assertThat(r.tier()).isEqualTo(Tier.JANINO);
        assertThat(r.figures()).containsEntry("search.steps", 12.0);
        RawResult failed = RawResult.decode(new RawResult(ErrorKind.TIMEOUT, "slow", null, 0, 0, null, Map.of()).encode());
        assertThat(failed.verify(PROBLEM, 0).errorKind()).isEqualTo(ErrorKind.TIMEOUT);
        // a single circle of radius 0.1 is not a packing of 26: the driver's verifier says so
        assertThat(r.verify(PROBLEM, 0).errorKind()).isEqualTo(ErrorKind.INVALID_OUTPUT);
        assertThatThrownBy(() -> RawResult.decode(new byte[] {1, 0, 0, 0, 0})).isInstanceOf(IOException.class);
    }
}
