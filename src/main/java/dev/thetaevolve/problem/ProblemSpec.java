package dev.thetaevolve.problem;

import java.nio.file.Path;
import java.util.Set;

/**
 * Everything about a problem except its verifier, as read from problems/&lt;id&gt;/problem.properties.
 *
 * @param timeLimitMillis  wall-clock limit for one candidate's {@code solve()}
 * @param defaultTolerance tolerance used when a run does not choose one (0 = strict)
 * @param taskText         the task as the prompt states it (problems/&lt;id&gt;/task.md)
 * @param seedFile         the seed program (problems/&lt;id&gt;/&lt;seed&gt;.java)
 * @param modes            the modes the problem offers ({@code modes=construct,search}); never empty
 * @param searchBudgetMillis wall-clock budget of one search-mode child's harness ({@code searchBudgetMillis})
 * @param searchSeedFile   the search-mode seed ({@code searchSeed}); null when the problem has none
 */
public record ProblemSpec(
        String id,
        String title,
        Direction direction,
        ReturnType returnType,
        long timeLimitMillis,
        double defaultTolerance,
        BestKnown bestKnown,
        Shaping shaping,
        String taskText,
        Path seedFile,
        Set<Mode> modes,
        long searchBudgetMillis,
        Path searchSeedFile) {

    /** Default search budget of one child when problem.properties names none. */
    public static final long DEFAULT_SEARCH_BUDGET_MILLIS = 2_000;

    public ProblemSpec {
        modes = modes == null || modes.isEmpty() ? Set.of(Mode.CONSTRUCT) : Set.copyOf(modes);
        if (searchBudgetMillis <= 0) searchBudgetMillis = DEFAULT_SEARCH_BUDGET_MILLIS;
        if (modes.contains(Mode.SEARCH) && searchSeedFile == null) {
            throw new IllegalArgumentException("problem " + id + " offers mode search but names no searchSeed");
        }
    }

    /** A construct-only problem (no search seed). */
    public ProblemSpec(String id, String title, Direction direction, ReturnType returnType, long timeLimitMillis,
                       double defaultTolerance, BestKnown bestKnown, Shaping shaping, String taskText, Path seedFile) {
        this(id, title, direction, returnType, timeLimitMillis, defaultTolerance, bestKnown, shaping, taskText, seedFile,
                Set.of(Mode.CONSTRUCT), DEFAULT_SEARCH_BUDGET_MILLIS, null);
    }

    /** The mode a run uses when it names none: search wherever the problem has a search seed. */
    public Mode defaultMode() {
        return modes.contains(Mode.SEARCH) ? Mode.SEARCH : Mode.CONSTRUCT;
    }

    /** The same spec with another time limit (tests, benchmarks). */
    public ProblemSpec withTimeLimitMillis(long millis) {
        return new ProblemSpec(id, title, direction, returnType, millis, defaultTolerance, bestKnown, shaping, taskText,
                seedFile, modes, searchBudgetMillis, searchSeedFile);
    }
}
