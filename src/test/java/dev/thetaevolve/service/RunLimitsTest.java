package dev.thetaevolve.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLimitsTest {
    final RunLimits limits = new RunLimits(64, 32, 1024, 1000, 60, 4);

    @Test
    void withinEveryLimit_passes() {
        assertThatCode(() -> limits.check(64, 16, 4, 1000, 60)).doesNotThrowAnyException();
        assertThatCode(() -> limits.check(32, 32, 1, 0, 0)).doesNotThrowAnyException();
    }

    @Test
    void eachLimit_isNamedWithItsSetting() {
        assertThatThrownBy(() -> limits.check(1_000_000_000, 1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parents must be <= 64 (thetaevolve.limits.parents), got '1000000000'");
        assertThatThrownBy(() -> limits.check(1, 33, 1, 1, 0)).hasMessageContaining("samples must be <= 32 (thetaevolve.limits.samples)");
        assertThatThrownBy(() -> limits.check(64, 32, 1, 1, 0)).hasMessageContaining("parents x samples must be <= 1024")
                .hasMessageContaining("thetaevolve.limits.children-per-step").hasMessageContaining("64 x 32 = 2048");
        assertThatThrownBy(() -> limits.check(1, 1, 5, 1, 0)).hasMessageContaining("workers must be <= 4 (thetaevolve.service.max-workers)");
        assertThatThrownBy(() -> limits.check(1, 1, 1, 1001, 0)).hasMessageContaining("steps must be <= 1000 (thetaevolve.limits.steps)");
        assertThatThrownBy(() -> limits.check(1, 1, 1, 1, 1e308)).hasMessageContaining("minutes must be <= 60 (thetaevolve.limits.minutes)");
        assertThatThrownBy(() -> limits.check(1, 1, 1, 1, Double.NaN)).hasMessageContaining("minutes");
    }
}
