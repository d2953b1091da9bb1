package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Verification;

import java.util.HashMap;
import java.util.Map;

/**
 * Verifies packings of closed discs, rows {x, y, r}, maximizing the sum of radii, in two containers: the
 * unit square, and any axis-aligned rectangle of bounded half-perimeter (width + height). The strict checks
 * are the AlphaEvolve notebook's, in doubles with no epsilon: {@code sqrt(dx*dx + dy*dy) >= ri + rj} for
 * every pair, {@code min(x,y) - r >= 0 && max(x,y) + r <= 1} for the square, and
 * {@code max(x+r) - min(x-r) + max(y+r) - min(y-r) <= bound} for the rectangle; plus {@code r >= 0}, which
 * the notebook does not check.
 *
 * <p>Tolerant mode relaxes every inequality by the tolerance. A packing valid only that way is then
 * auto-formalized: every radius shrinks by the smallest uniform δ that repairs the worst violation (half
 * the worst overlap, the worst wall excess, a quarter of the half-perimeter excess), plus a few ulps,
 * and the result is re-checked strictly; its sum of radii is the verdict's strict score.
 */
public final class CirclePackings {

    private static final String LAYOUT = "{x, y, r}";

    private CirclePackings() {
    }

    /** A packing of {@code n} circles in the unit square [0,1]². */
    public static Verification inUnitSquare(double[][] c, int n, double tol) {
        return verify(c, n, Double.NaN, tol);
    }

    /**
     * A packing of {@code n} circles whose bounding box has width + height at most {@code halfPerimeter}
     * (the rectangle is free; only the discs' bounding box counts).
     */
    public static Verification inRectangle(double[][] c, int n, double halfPerimeter, double tol) {
        return verify(c, n, halfPerimeter, tol);
    }

    /** {@code halfPerimeter} NaN: the unit square; else the free rectangle of that half-perimeter. */
    private static Verification verify(double[][] c, int n, double halfPerimeter, double tol) {
        String bad = Rows.check(c, n, 3, "circle", LAYOUT);
        if (bad != null) return Verification.invalid(bad);
        for (int i = 0; i < n; i++) {
            if (c[i][2] < 0) return Verification.invalid("circle " + i + " has negative radius " + c[i][2] + "; radii must be >= 0");
        }
        Map<String, Double> metrics = metrics(c, halfPerimeter);
        return Formalization.verdict(metrics.get("sum_radii"), metrics, tol, t -> violation(c, halfPerimeter, t), () -> {
            double[][] shrunk = shrink(c, halfPerimeter);
            return shrunk == null ? null : new Formalization.Repaired(Rows.columnSum(shrunk, 2), shrunk);
        });
    }

    /**
     * A smooth-ish measure of how far a packing of {@code n} circles is from valid, for search heuristics:
     * the sum of pair overlaps, wall excesses (unit square when {@code halfPerimeter} is NaN, else the
     * half-perimeter excess) and negative radii; 0 when strictly valid. A wrong shape or a non-finite number
     * gives +Infinity.
     */
    public static double violationMeasure(double[][] c, int n, double halfPerimeter) {
        if (Rows.check(c, n, 3, "circle", LAYOUT) != null) return Double.POSITIVE_INFINITY;
        double v = 0;
        boolean square = Double.isNaN(halfPerimeter);
        for (int i = 0; i < n; i++) {
            double x = c[i][0], y = c[i][1], r = c[i][2];
            if (r < 0) v += -r;
            if (square) {
                v += Math.max(0, r - x) + Math.max(0, r - y) + Math.max(0, x + r - 1) + Math.max(0, y + r - 1);
            }
            for (int j = i + 1; j < n; j++) {
                double dx = x - c[j][0], dy = y - c[j][1];
                v += Math.max(0, r + c[j][2] - Math.sqrt(dx * dx + dy * dy));
            }
        }
        if (!square) v += Math.max(0, width(c, 0) + width(c, 1) - halfPerimeter);
        if (v == 0 && violation(c, halfPerimeter, 0) != null) v = Double.MIN_NORMAL; // a breach below rounding
        return v;
    }

    /** The first constraint broken by more than {@code tol}, as a reason; null when none is. */
    static String violation(double[][] c, double halfPerimeter, double tol) {
        int n = c.length;
        boolean square = Double.isNaN(halfPerimeter);
        if (square) {
            for (int i = 0; i < n; i++) {
                double x = c[i][0], y = c[i][1], r = c[i][2];
                if (Math.min(x, y) - r < -tol || Math.max(x, y) + r > 1 + tol) {
                    double out = Math.max(r - Math.min(x, y), Math.max(x, y) + r - 1);
                    return "circle " + i + " at (" + x + ", " + y + ") with r=" + r + " leaves the unit square by " + out;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = c[i][0] - c[j][0], dy = c[i][1] - c[j][1];
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d < c[i][2] + c[j][2] - tol) {
                    return "circles " + i + " and " + j + " overlap by " + (c[i][2] + c[j][2] - d)
                            + " (centre distance " + d + " < r" + i + " + r" + j + " = " + (c[i][2] + c[j][2]) + ")";
                }
            }
        }
        if (!square) {
            double wh = width(c, 0) + width(c, 1);
            if (wh > halfPerimeter + tol) {
                return "the circles' bounding box has width + height = " + wh + " > " + halfPerimeter
                        + " (perimeter over " + (2 * halfPerimeter) + " by " + (2 * (wh - halfPerimeter)) + ")";
            }
        }
        return null;
    }

    /** max(v + r) - min(v - r) over column {@code axis} (0 = x, 1 = y). */
    static double width(double[][] c, int axis) {
        double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY;
        for (double[] row : c) {
            hi = Math.max(hi, row[axis] + row[2]);
            lo = Math.min(lo, row[axis] - row[2]);
        }
        return hi - lo;
    }

    private static Map<String, Double> metrics(double[][] c, double halfPerimeter) {
        Map<String, Double> m = new HashMap<>();
        m.put("sum_radii", Rows.columnSum(c, 2));
        m.put("min_pair_gap", minPairGap(c));
        if (Double.isNaN(halfPerimeter)) {
            double border = Double.POSITIVE_INFINITY;
            for (double[] row : c) {
                border = Math.min(border, Math.min(Math.min(row[0] - row[2], row[1] - row[2]), Math.min(1 - (row[0] + row[2]), 1 - (row[1] + row[2]))));
            }
            m.put("min_border_gap", border);
        } else {
            double w = width(c, 0), h = width(c, 1);
            m.put("width", w);
            m.put("height", h);
            m.put("width_plus_height", w + h);
            m.put("perimeter_slack", halfPerimeter - (w + h));
        }
        return m;
    }

    private static double minPairGap(double[][] c) {
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.length; i++) {
            for (int j = i + 1; j < c.length; j++) {
                double dx = c[i][0] - c[j][0], dy = c[i][1] - c[j][1];
                gap = Math.min(gap, Math.sqrt(dx * dx + dy * dy) - (c[i][2] + c[j][2]));
            }
        }
        return gap;
    }

    /**
     * The smallest uniform radius reduction that makes {@code c} strictly valid, found from the worst
     * violation and then padded by doubling ulps until the strict check passes; null when even that fails
     * (e.g. a centre itself lies outside the square). Does not modify {@code c}.
     */
    static double[][] shrink(double[][] c, double halfPerimeter) {
        int n = c.length;
        double need = 0, maxR = 0;
        for (int i = 0; i < n; i++) {
            double x = c[i][0], y = c[i][1], r = c[i][2];
            maxR = Math.max(maxR, r);
            if (Double.isNaN(halfPerimeter)) need = Math.max(need, Math.max(r - Math.min(x, y), Math.max(x, y) + r - 1));
            for (int j = i + 1; j < n; j++) {
                double dx = x - c[j][0], dy = y - c[j][1];
                need = Math.max(need, (r + c[j][2] - Math.sqrt(dx * dx + dy * dy)) / 2);
            }
        }
        if (!Double.isNaN(halfPerimeter)) need = Math.max(need, (width(c, 0) + width(c, 1) - halfPerimeter) / 4);
        double pad = 4 * Math.ulp(Math.max(1.0, maxR));
        for (int attempt = 0; attempt < 64; attempt++, pad *= 2) {
            double delta = need + pad;
            double[][] s = new double[n][];
            for (int i = 0; i < n; i++) s[i] = new double[] {c[i][0], c[i][1], Math.max(0, c[i][2] - delta)};
            if (violation(s, halfPerimeter, 0) == null) return s;
            if (delta > maxR) return null;
        }
        return null;
    }
}
