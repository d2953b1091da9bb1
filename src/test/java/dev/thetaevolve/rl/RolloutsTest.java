package dev.thetaevolve.rl;

import dev.thetaevolve.evolve.ChildRecord;
import dev.thetaevolve.evolve.ChildStatus;
import dev.thetaevolve.evolve.StepObserver;
import dev.thetaevolve.mutate.Parent;
import dev.thetaevolve.mutate.Sample;
import dev.thetaevolve.problem.Direction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RolloutsTest {

    static StepObserver.Child child(long id, Parent parent, ChildStatus status, Double score, String summary, String text) {
        return child(id, parent, status, score, summary, text, null);
    }

    /** A child whose sample came from the policy decision numbered {@code decision} (null: none). */
    static StepObserver.Child child(long id, Parent parent, ChildStatus status, Double score, String summary, String text, Long decision) {
        ChildRecord r = new ChildRecord(id, parent.id(), 0, 1, 1, "class C {}", "h" + id, status, score, null,
                status == ChildStatus.VALID ? score : status.ladderReward(), null, null, summary, null, 0, 0, null);
        return new StepObserver.Child(r, parent, new Sample(text, summary, 0, 0, 0, "test").withDecision(decision));
    }

    @Test
    void of_groupsByParentAndNormalizesWithinEachGroup() {
        Parent a = new Parent(1, "class A {}", 1.0, null, null);
        Parent b = new Parent(2, "class B {}", 2.0, null, null);
        List<StepObserver.Child> children = List.of(
                child(10, a, ChildStatus.VALID, 1.5, "s", "t1"),
                child(11, b, ChildStatus.VALID, 3.0, "s", "t2"),
                child(12, a, ChildStatus.COMPILE, null, "s", "t3"),
                child(13, b, ChildStatus.VALID, 3.0, "s", "t4"));
        List<Rollout> rs = Rollouts.of(7, children, new RewardFunction(RewardType.RAW, Direction.MAXIMIZE, null),
                Rollouts.completions(c -> "prompt for " + c.parent().id()));
        assertThat(rs).extracting(Rollout::group).containsExactly("s7-p1", "s7-p2", "s7-p1", "s7-p2");
        assertThat(rs).extracting(Rollout::reward).containsExactly(1.5, 3.0, -0.2, 3.0);
        assertThat(rs.get(0).advantage()).isCloseTo(1, within(1e-5));
        assertThat(rs.get(2).advantage()).isCloseTo(-1, within(1e-5));
        assertThat(rs.get(1).advantage()).isZero();
        assertThat(rs.get(3).input()).isEqualTo("prompt for 2");
        assertThat(rs.get(3).output()).isEqualTo("t4");
        assertThat(rs.get(2).status()).isEqualTo("COMPILE");
        assertThat(rs.get(0).logprobs()).isEmpty();
    }
}
