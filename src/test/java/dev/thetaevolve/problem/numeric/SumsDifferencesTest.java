package dev.thetaevolve.problem.numeric;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SumsDifferencesTest {

    @Test
    void count_randomSets_matchHashSetCounts() {
        Random rnd = new Random(6);
        for (int t = 0; t < 30; t++) {
            int[] u = new int[1 + rnd.nextInt(60)];
            for (int i = 1; i < u.length; i++) u[i] = rnd.nextInt(1 + rnd.nextInt(5000));
            Set<Integer> sums = new HashSet<>(), diffs = new HashSet<>(), set = new HashSet<>();
            for (int a : u) {
                set.add(a);
                for (int b : u) {
                    sums.add(a + b);
                    diffs.add(a - b);
                }
            }

            SumsDifferences.Counts c = SumsDifferences.count(u);

            assertThat(c.sums()).isEqualTo(sums.size());
            assertThat(c.differences()).isEqualTo(diffs.size());
            assertThat(c.distinct()).isEqualTo(set.size());
        }
    }

    @Test
    void count_interval_sumsAndDifferencesBoth2mPlus1() {
        int[] u = new int[101];
        for (int i = 0; i <= 100; i++) u[i] = i;

        assertThat(SumsDifferences.count(u)).isEqualTo(new SumsDifferences.Counts(201, 201, 101));
    }
}
