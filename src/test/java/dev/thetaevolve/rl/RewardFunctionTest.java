package dev.thetaevolve.rl;

import dev.thetaevolve.evolve.ChildStatus;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.Shaping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RewardFunctionTest {
    private static final Shaping CIRCLES = new Shaping(0, 2.635, 3, 5);

    @ParameterizedTest(name = "{0} {1} {2} score={3} parent={4} -> {5}")
    @CsvSource(nullValues = "null", value = {
            // type, direction, status, score, parentScore, expected
            "RAW, MAXIMIZE, VALID, 2.5, null, 2.5",
            "RAW, MINIMIZE, VALID, 4.0, null, 0.25",
            "RAW, MAXIMIZE, VALID, 25.0, null, 10.0",          // clipped
            "RAW, MINIMIZE, VALID, 0.0, null, -1.0",           // 1/0 = Inf: NaN/Inf rewards become -1
            "RAW, MAXIMIZE, NO_DIFF, null, null, -0.4",
            "RAW, MAXIMIZE, LAZY, null, null, -0.3",
            "RAW, MAXIMIZE, COMPILE, null, null, -0.2",
            "RAW, MAXIMIZE, TIMEOUT, null, null, -0.2",
            "RAW, MAXIMIZE, INVALID_OUTPUT, null, null, -0.1",
            "RAW, MAXIMIZE, TOO_LONG, null, null, -1.0",
            "RAW, MAXIMIZE, INTERNAL, null, null, -1.0",
            "SHAPED, MAXIMIZE, VALID, 2.635, null, 5.0",
            "SHAPED, MAXIMIZE, VALID, 1.3175, null, 0.625",     // 5 * 0.5^3
            "SHAPED, MAXIMIZE, VALID, 3.0, null, 5.0",          // clamped at B
            "SHAPED, MINIMIZE, VALID, 0.0, null, 5.0",
            "SHAPED, MAXIMIZE, COMPILE, null, null, -0.2",
            "IMPROVEMENT, MAXIMIZE, VALID, 2.2, 2.0, 0.1",
            "IMPROVEMENT, MINIMIZE, VALID, 0.9, 1.0, 0.1",
            "IMPROVEMENT, MINIMIZE, VALID, 1.1, 1.0, -0.05",    // floored above the ladder
            "IMPROVEMENT, MAXIMIZE, VALID, 2.0, 2.0, 0.0",
            "IMPROVEMENT, MAXIMIZE, VALID, 2.0, null, 1.0",
            "IMPROVEMENT, MAXIMIZE, INVALID_OUTPUT, null, 2.0, -0.1",
            "VALIDITY, MINIMIZE, VALID, 123.0, null, 1.0",
            "VALIDITY, MINIMIZE, RUNTIME, null, null, -0.2",
    })
    void reward_table(RewardType type, Direction direction, ChildStatus status, Double score, Double parent, double expected) {
        RewardFunction f = new RewardFunction(type, direction, CIRCLES);
        assertThat(f.reward(status, score, parent)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void reward_nanScoreBecomesMinusOne() {
        assertThat(new RewardFunction(RewardType.RAW, Direction.MAXIMIZE, null).reward(ChildStatus.VALID, Double.NaN, null)).isEqualTo(-1.0);
        assertThat(new RewardFunction(RewardType.IMPROVEMENT, Direction.MAXIMIZE, null).reward(ChildStatus.VALID, Double.NaN, 1.0)).isEqualTo(-1.0);
    }

    @Test
    void constructor_shapedWithoutBoundsIsRejected() {
        assertThatThrownBy(() -> new RewardFunction(RewardType.SHAPED, Direction.MAXIMIZE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shaping bounds");
    }

    @Test
    void parse_unknownWordNamesTheChoices() {
        assertThat(RewardType.parse(" Shaped ")).isEqualTo(RewardType.SHAPED);
        assertThatThrownBy(() -> RewardType.parse("best")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reward must be one of raw, shaped, improvement, validity, got 'best'");
    }
}
