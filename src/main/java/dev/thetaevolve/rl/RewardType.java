package dev.thetaevolve.rl;

import java.util.Locale;

/** Which reward a run trains on (see {@link RewardFunction} for the exact definitions). */
public enum RewardType {
    /** The objective when maximizing, 1/C when minimizing (ThetaEvolve's default). */
    RAW,
    /** {@code M·t^α} with the problem's shaping bounds (DESIGN.md §6). */
    SHAPED,
    /** Relative improvement over the parent, direction-aware. */
    IMPROVEMENT,
    /** 1 for a valid child. */
    VALIDITY;

    /** Parses a CLI word ("raw", "shaped", "improvement", "validity"). */
    public static RewardType parse(String word) {
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("reward must be one of raw, shaped, improvement, validity, got '" + word + "'");
        }
    }
}
