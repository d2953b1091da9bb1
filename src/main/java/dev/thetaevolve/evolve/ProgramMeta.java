package dev.thetaevolve.evolve;

/** The little a resume needs per committed program to rebuild the index, in commit order. */
public record ProgramMeta(long id, long parentId, int island, int generation, int step, boolean valid,
                          Double score, int codeLength, String normalizedHash) {
}
