package dev.thetaevolve.api;

import dev.thetaevolve.api.Dtos.HistoryPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Downsampling of a run's best-score history for plotting, done on the server so a long run's page stays small. */
final class History {
    private History() {
    }

    /**
     * At most about {@code max} points of {@code all} (in step order): always the first and the last point
     * and every point where the best changed (each improvement, however many), then as many of the others,
     * evenly spread, as {@code max} leaves room for. A history of at most {@code max} points is returned whole.
     */
    static List<HistoryPoint> downsample(List<HistoryPoint> all, int max) {
        int n = all.size();
        if (n <= max) return all;
        boolean[] keep = new boolean[n];
        keep[0] = keep[n - 1] = true;
        int kept = 2;
        for (int i = 1; i < n - 1; i++) {
            if (!Objects.equals(all.get(i).best(), all.get(i - 1).best())) {
                keep[i] = true;
                kept++;
            }
        }
        int room = max - kept;
        if (room > 0) {
            int others = n - kept;
            double stride = (double) others / room;
            double next = stride / 2;
            int seen = 0;
            for (int i = 1; i < n - 1; i++) {
                if (keep[i]) continue;
                if (seen++ >= next) {
                    keep[i] = true;
                    next += stride;
                }
            }
        }
        List<HistoryPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (keep[i]) out.add(all.get(i));
        return out;
    }
}
