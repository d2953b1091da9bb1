package dev.thetaevolve.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DriveBudgetTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000);
    }

    @Test
    void allowsStep_targetStep_stopsThere() {
        DriveBudget b = new DriveBudget(3, null, 0, nanos::get);
        assertThat(b.allowsStep(2)).isTrue();
        assertThat(b.allowsStep(3)).isFalse();
        assertThat(b.asyncGroups(1)).isEqualTo(2);
        assertThat(b.asyncHasWork(3)).isFalse();
        assertThat(b.deadlineNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void lap_countsElapsedTime_andTheAllowanceRunsOut() {
        DriveBudget b = new DriveBudget(null, 1000L, 400, nanos::get);
        assertThat(b.deadlineNanos()).as("600 ms left").isEqualTo(nanos.get() + 600_000_000L);
        advanceMillis(250);
        assertThat(b.lap()).isEqualTo(250);
        assertThat(b.spentMillis()).isEqualTo(650);
        assertThat(b.allowsStep(99)).isTrue();
        advanceMillis(350);
        assertThat(b.lap()).isEqualTo(350);
        assertThat(b.allowsStep(99)).isFalse();
        assertThat(b.asyncGroups(5)).as("no step limit").isZero();
        assertThat(b.asyncHasWork(5)).isTrue();
    }

    @Test
    void lap_subMillisecondRemainder_carriedToTheNextLap() {
        DriveBudget b = new DriveBudget(null, null, 0, nanos::get);
        nanos.addAndGet(1_600_000);
        assertThat(b.lap()).isEqualTo(1);
        nanos.addAndGet(1_600_000);
        assertThat(b.lap()).as("0.6 + 1.6 ms").isEqualTo(2);
        assertThat(b.spentMillis()).isEqualTo(3);
    }
}
