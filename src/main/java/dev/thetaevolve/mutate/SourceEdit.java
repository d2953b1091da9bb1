package dev.thetaevolve.mutate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replace the characters {@code [start, end)} of a source with {@code text}. Built-in mutations are edits
 * of exact token ranges, so everything else in the parent, formatting and comments included, survives.
 */
record SourceEdit(int start, int end, String text) {
    SourceEdit {
        if (start < 0 || end < start) throw new IllegalArgumentException("edit range must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
    }

    static SourceEdit insert(int at, String text) {
        return new SourceEdit(at, at, text);
    }

    /** Applies non-overlapping edits to {@code source}. */
    static String apply(String source, List<SourceEdit> edits) {
        List<SourceEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(SourceEdit::start).thenComparingInt(SourceEdit::end));
        StringBuilder out = new StringBuilder(source.length() + 64);
        int at = 0;
        for (SourceEdit e : sorted) {
            if (e.start() < at) throw new IllegalArgumentException("edits overlap at offset " + e.start());
            if (e.end() > source.length()) throw new IllegalArgumentException("edit ends at " + e.end() + " past the source length " + source.length());
            out.append(source, at, e.start()).append(e.text());
            at = e.end();
        }
        return out.append(source, at, source.length()).toString();
    }
}
