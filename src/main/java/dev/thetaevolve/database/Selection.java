package dev.thetaevolve.database;

/**
 * The parent-choice mix: the probabilities of drawing uniformly from the current island, from the elite
 * archive (preferring the current island's elites) and from the whole population. They are non-negative
 * and sum to 1 (within 1e-9).
 */
public record Selection(double island, double archive, double all) {
    /** ThetaEvolve's 20 / 60 / 20. */
    public static final Selection THETAEVOLVE = new Selection(0.2, 0.6, 0.2);

    public Selection {
        if (!(island >= 0) || !(archive >= 0) || !(all >= 0) || Math.abs(island + archive + all - 1) > 1e-9) {
            throw new IllegalArgumentException("selection needs three non-negative ratios summing to 1, got '"
                    + island + ", " + archive + ", " + all + "'");
        }
    }
}
