package dev.thetaevolve.database;

/**
 * One dimension of the MAP-Elites grid: maps a feature value to one of {@code bins} equal-width bins.
 *
 * <p>With fixed bounds, values outside them fall into the edge bins and the bins never move. Otherwise the
 * bounds adapt: they start at the first value (every value equal to it lands in bin 0), and when a value
 * falls outside them they are reset to the observed [min, max] widened by an eighth of its span on each
 * side, and the caller re-bins every program. Each reset grows the observed span by at least 12.5 %, so
 * resets are logarithmic in the ratio of the final to the first non-zero span, and a steady stream of
 * records (every new best beyond the top bound) costs amortized O(1) per insert. Bounds never shrink, so
 * eviction does not move bins. Every decision depends only on the values seen, in order.
 */
final class FeatureAxis {
    private final int bins;
    private final boolean fixed;
    private double low;
    private double high;
    private double min;
    private double max;
    private boolean seen;

    private FeatureAxis(int bins, boolean fixed, double low, double high) {
        this.bins = bins;
        this.fixed = fixed;
        this.low = low;
        this.high = high;
    }

    static FeatureAxis adaptive(int bins) {
        return new FeatureAxis(bins, false, 0, 0);
    }

    static FeatureAxis fixed(int bins, Bounds bounds) {
        return new FeatureAxis(bins, true, bounds.low(), bounds.high());
    }

    /** Records value; returns true when the bounds moved and every program must be re-binned. */
    boolean observe(double value) {
        if (fixed) return false;
        if (!seen) {
            seen = true;
            min = max = low = high = value;
            return false;
        }
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (value >= low && value <= high) return false;
        double pad = (max - min) / 8;
        low = min - pad;
        high = max + pad;
        return true;
    }

    int bin(double value) {
        double width = high - low;
        if (!(width > 0)) return 0;
        int b = (int) ((value - low) / width * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }

    double low() {
        return low;
    }

    double high() {
        return high;
    }
}
