package dev.thetaevolve.database;

/** Which route of the {@link Selection} mix a parent draw took. */
public enum Source {
    /** Uniform over the current island's members (the whole population when the island is empty). */
    ISLAND,
    /** Uniform over the archive's elites on the current island, or over the whole archive when it has none. */
    ARCHIVE,
    /** Uniform over the whole population. */
    ALL
}
