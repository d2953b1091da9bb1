package dev.thetaevolve.api;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    @Test
    void burstThenSteadyRate_perToken() {
        AtomicLong now = new AtomicLong(0);
        RateLimit limit = new RateLimit(6, now::get, RateLimit.inMemory()); // a burst of 6, then one every 10 s (clock in µs)
        for (int i = 0; i < 6; i++) limit.take("a");
        assertThatThrownBy(() -> limit.take("a")).isInstanceOf(RateLimit.Exceeded.class)
                .hasMessageContaining("6 submissions a minute").satisfies(e -> assertThat(((RateLimit.Exceeded) e).retryAfterSeconds).isEqualTo(10));
        limit.take("b"); // another token has its own bucket
        now.addAndGet(9_000_000L);
        assertThatThrownBy(() -> limit.take("a")).isInstanceOf(RateLimit.Exceeded.class);
        now.addAndGet(1_000_000L);
        limit.take("a");
        assertThatThrownBy(() -> limit.take("a")).isInstanceOf(RateLimit.Exceeded.class);
        now.addAndGet(600_000_000L); // a long pause refills to the burst, no more
        for (int i = 0; i < 6; i++) limit.take("a");
        assertThatThrownBy(() -> limit.take("a")).isInstanceOf(RateLimit.Exceeded.class);
    }

    @Test
    void zero_meansNoLimit() {
        RateLimit limit = new RateLimit(0, () -> 0, (k, c, cap, n) -> {
            throw new AssertionError("no bucket is consulted when the limit is off");
        });
        for (int i = 0; i < 10_000; i++) limit.take("a");
    }
}
