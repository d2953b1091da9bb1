package dev.thetaevolve.problem;

/**
 * The best-known bound for a problem as it stands today, with where it comes from and the check its
 * source used, and AlphaEvolve's 2025 value beside it where AlphaEvolve published one.
 *
 * @param value       today's record (the bound the leaderboard's "beats the best known" flag compares with)
 * @param source      who holds it, and where it was published
 * @param check       how the source verified it: "strict", or a stated tolerance; "" when not stated
 * @param alphaEvolve AlphaEvolve's value and source (Novikov et al., 2025); null when AlphaEvolve has none
 */
public record BestKnown(double value, String source, String check, Reference alphaEvolve) {

    /** A published value and where it comes from. */
    public record Reference(double value, String source) {
    }

    public BestKnown {
        source = source == null ? "" : source;
        check = check == null ? "" : check;
    }

    /** A bound with no stated check and no AlphaEvolve value beside it. */
    public BestKnown(double value, String source) {
        this(value, source, "", null);
    }
}
