package dev.thetaevolve.problem;

import java.nio.file.Path;

/**
 * Everything about a problem except its verifier, as read from problems/&lt;id&gt;/problem.properties.
 *
 * @param timeLimitMillis  wall-clock limit for one candidate's {@code solve()}
 * @param defaultTolerance tolerance used when a run does not choose one (0 = strict)
 * @param taskText         the task as the prompt states it (problems/&lt;id&gt;/task.md)
 * @param seedFile         the seed program (problems/&lt;id&gt;/&lt;seed&gt;.java)
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
        Path seedFile) {
}
