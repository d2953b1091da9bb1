package dev.thetaevolve.database;

/** One parent draw: the program id and the route that chose it. */
public record Draw(long id, Source source) {
}
