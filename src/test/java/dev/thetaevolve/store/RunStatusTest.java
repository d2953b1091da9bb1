package dev.thetaevolve.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunStatusTest {

    /** The whole table, written out: row = from, then the states it may become. */
    private static final Map<RunStatus, String> ALLOWED = Map.of(
            RunStatus.CREATED, "RUNNING STOPPED FAILED",
            RunStatus.RUNNING, "RUNNING STOPPING STOPPED FINISHED BUDGET_EXHAUSTED FAILED",
            RunStatus.STOPPING, "STOPPED FINISHED BUDGET_EXHAUSTED FAILED",
            RunStatus.STOPPED, "RUNNING",
            RunStatus.FINISHED, "RUNNING",
            RunStatus.BUDGET_EXHAUSTED, "RUNNING",
            RunStatus.FAILED, "RUNNING");

    static List<Arguments> everyPair() {
        List<Arguments> out = new ArrayList<>();
        for (RunStatus from : RunStatus.values()) {
            Set<String> allowed = Set.of(ALLOWED.get(from).split(" "));
            for (RunStatus to : RunStatus.values()) out.add(Arguments.of(from, to, allowed.contains(to.name())));
        }
        return out;
    }

    @Test
    void table_coversEveryStatus() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(RunStatus.values());
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void checkMove_everyPair_allowedExactlyByTheTable(RunStatus from, RunStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        assertThat(to.predecessors().contains(from)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.checkMove(to)).isSameAs(to);
        } else {
            assertThatThrownBy(() -> from.checkMove(to)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("a run cannot go from " + from + " to " + to + " ");
        }
    }

    @Test
    void endedAndLive_partitionTheStatesAfterCreated() {
        Set<RunStatus> ended = Arrays.stream(RunStatus.values()).filter(RunStatus::ended).collect(Collectors.toSet());
        Set<RunStatus> live = Arrays.stream(RunStatus.values()).filter(RunStatus::live).collect(Collectors.toSet());
        assertThat(ended).containsExactlyInAnyOrder(RunStatus.STOPPED, RunStatus.FINISHED, RunStatus.BUDGET_EXHAUSTED, RunStatus.FAILED);
        assertThat(live).containsExactlyInAnyOrder(RunStatus.RUNNING, RunStatus.STOPPING);
        for (RunStatus s : ended) assertThat(s.successors()).as("an ended run only resumes").containsExactly(RunStatus.RUNNING);
    }
}
