package dev.thetaevolve.api;

import dev.thetaevolve.api.Dtos.HistoryPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryTest {

    /** 4,793 steps (the run), the best improving at 40 of them. */
    private static List<HistoryPoint> longRun() {
        List<HistoryPoint> all = new ArrayList<>();
        double best = 1.0;
        for (int step = 0; step < 4793; step++) {
            if (step > 0 && step % 120 == 7) best += 0.01;
            all.add(new HistoryPoint(step, 4L * step + 1, best));
        }
        return all;
    }

    @Test
    void downsample_keepsEveryImprovement_theEnds_andAtMostMax() {
        List<HistoryPoint> all = longRun();
        List<HistoryPoint> few = History.downsample(all, 500);
        assertThat(few.size()).isBetween(490, 500);
        assertThat(few.get(0)).isEqualTo(all.get(0));
        assertThat(few.get(few.size() - 1)).isEqualTo(all.get(all.size() - 1));
        for (int i = 1; i < all.size(); i++) {
            if (!Objects.equals(all.get(i).best(), all.get(i - 1).best())) assertThat(few).contains(all.get(i));
        }
        assertThat(few).isSortedAccordingTo((a, b) -> Integer.compare(a.step(), b.step()));
        // the rest is spread evenly: no gap much wider than the average
        int widest = 0;
        for (int i = 1; i < few.size(); i++) widest = Math.max(widest, few.get(i).step() - few.get(i - 1).step());
        assertThat(widest).isLessThan(3 * all.size() / few.size());
    }

    @Test
    void downsample_moreImprovementsThanMax_keepsThemAll() {
        List<HistoryPoint> all = new ArrayList<>();
        for (int step = 0; step < 300; step++) all.add(new HistoryPoint(step, step, (double) step));
        assertThat(History.downsample(all, 50)).isEqualTo(all);
        assertThat(History.downsample(all.subList(0, 40), 50)).isEqualTo(all.subList(0, 40));
    }
}
