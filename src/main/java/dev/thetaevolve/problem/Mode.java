package dev.thetaevolve.problem;

import java.util.Locale;

/**
 * How a run's candidates produce a construction. {@code CONSTRUCT}: {@code solve()} returns it
 * (DESIGN.md §3). {@code SEARCH}: the candidate offers {@code initial}, {@code improve} and {@code perturb},
 * and a trusted basin-hopping harness in the worker runs them from a warm start within the problem's search
 * budget (DESIGN.md §10).
 */
public enum Mode {
    CONSTRUCT, SEARCH;

    public static Mode parse(String s) {
        if (s != null) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(s.trim())) return m;
            }
        }
        throw new IllegalArgumentException("mode must be construct or search, got '" + s + "'");
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
