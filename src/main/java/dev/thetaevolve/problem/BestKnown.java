package dev.thetaevolve.problem;

/** The literature's best-known bound for a problem, with where it comes from. */
public record BestKnown(double value, String source) {
}
