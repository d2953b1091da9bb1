package dev.thetaevolve.mutate;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the evolvable regions of a program: the lines strictly between a {@code // EVOLVE-BLOCK-START}
 * line and the next {@code // EVOLVE-BLOCK-END} line (marker lines are compared after trimming). A
 * START with no END extends to the end of the file; a program with no START marker is evolvable as a
 * whole. Everything else, the marker lines included, is "outside" and must survive a mutation unchanged.
 */
final class EvolveBlocks {
    static final String START = "// EVOLVE-BLOCK-START";
    static final String END = "// EVOLVE-BLOCK-END";

    /** An evolvable region as 0-based line indexes: {@code from} inclusive, {@code to} exclusive. */
    record Region(int from, int to) {
        boolean containsLine(int index) {
            return index >= from && index < to;
        }
    }

    private EvolveBlocks() {
    }

    static boolean isStart(String line) {
        return line.strip().startsWith(START);
    }

    static boolean isEnd(String line) {
        return line.strip().startsWith(END);
    }

    /** The evolvable regions of {@code lines}; the whole file when it holds no START marker. */
    static List<Region> regions(List<String> lines) {
        List<Region> regions = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (open < 0 && isStart(line)) {
                open = i + 1;
            } else if (open >= 0 && isEnd(line)) {
                regions.add(new Region(open, i));
                open = -1;
            }
        }
        if (open >= 0) regions.add(new Region(open, lines.size()));
        if (regions.isEmpty() && lines.stream().noneMatch(EvolveBlocks::isStart)) regions.add(new Region(0, lines.size()));
        return regions;
    }

    /**
     * The text outside the evolvable regions as a list of segments (one per gap between regions), so
     * two programs keep the same outside text exactly when their segment lists are equal.
     */
    static List<List<String>> outside(List<String> lines) {
        List<List<String>> segments = new ArrayList<>();
        int from = 0;
        for (Region r : regions(lines)) {
            segments.add(List.copyOf(lines.subList(from, r.from())));
            from = r.to();
        }
        segments.add(List.copyOf(lines.subList(from, lines.size())));
        return segments;
    }
}
