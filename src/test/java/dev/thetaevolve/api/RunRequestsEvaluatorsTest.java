package dev.thetaevolve.api;

import dev.thetaevolve.api.Dtos.RunRequest;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.service.RunSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code evaluators} field of POST /api/runs: stored as given, never with credentials. */
class RunRequestsEvaluatorsTest {
    static final ProblemSpec SPEC = ProblemCatalog.open(Path.of("")).spec("circle_packing_26").orElseThrow();

    static RunRequest request(String evaluators) {
        return new RunRequest("circle_packing_26", null, 1, null, null, null, null, null, null, null, null, null, null, null, null, evaluators);
    }

    @Test
    void evaluators_brokerOrLocalOrAbsent() {
        assertThat(RunRequests.settings(request("amqp://rabbitmq:5672/?queue=thetaevolve.jobs"), SPEC, 2).evaluators())
                .isEqualTo("amqp://rabbitmq:5672/?queue=thetaevolve.jobs");
        assertThat(RunRequests.settings(request("local"), SPEC, 2).evaluators()).isEqualTo("local");
        RunSettings none = RunRequests.settings(request(null), SPEC, 2);
        assertThat(none.evaluators()).isNull();
        assertThat(RunRequests.settings(request(" "), SPEC, 2).evaluators()).isNull();
    }

    @Test
    void evaluators_withCredentialsOrNotABroker_isAClientError() {
        assertThatThrownBy(() -> RunRequests.settings(request("amqp://guest:guest@rabbitmq"), SPEC, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not carry credentials");
        assertThatThrownBy(() -> RunRequests.settings(request("http://rabbitmq"), SPEC, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amqp://");
    }
}
