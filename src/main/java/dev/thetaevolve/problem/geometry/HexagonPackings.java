package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Verification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies packings of unit regular hexagons in a regular outer hexagon whose side is minimized.
 *
 * <p>Layout: a {@code double[n+1][]}; rows 0..n-1 are {x, y, angleDeg} of the unit-side inner hexagons, the
 * last row is {cx, cy, side, angleDeg} of the outer one. Vertex k of a hexagon is
 * {@code c + s·(cos(t + 2π·k/6), sin(t + 2π·k/6))}, t = toRadians(angleDeg), as in the notebook.
 *
 * <p>Strict checks are the notebook's, in doubles: two inner hexagons are disjoint iff some edge normal of
 * either (unit length, (−ey, ex)/|e|) separates their projections strictly ({@code max1 < min2 || max2 <
 * min1}; touching counts as intersecting); every inner vertex must have cross product >= 0 against every
 * outer edge. Tolerant mode accepts a projection overlap, or a vertex's distance outside an outer edge, up
 * to the tolerance. A packing valid only that way is auto-formalized: the inner centres are spread about
 * the outer centre by the smallest factor λ ≥ 1 that makes every pair strictly disjoint (bisection; the
 * factor is monotone because a ray leaves a convex set containing 0 once), then the outer side grows to
 * the tightest side that strictly contains every vertex; that side is the strict score.
 */
public final class HexagonPackings {

    private HexagonPackings() {
    }

    /** Verifies a packing of {@code n} inner hexagons in the layout above; score = outer side length. */
    public static Verification verify(double[][] rows, int n, double tol) {
        if (rows.length != n + 1) {
            return Verification.invalid("expected " + (n + 1) + " rows: " + n + " inner hexagons {x, y, angleDeg} then the outer hexagon {cx, cy, side, angleDeg}; got " + rows.length + " rows");
        }
        for (int i = 0; i < n; i++) {
            String bad = Rows.checkRow(rows, i, 3, "{x, y, angleDeg} (inner hexagon " + i + ")");
            if (bad != null) return Verification.invalid(bad);
        }
        String bad = Rows.checkRow(rows, n, 4, "{cx, cy, side, angleDeg} (the outer hexagon, last row)");
        if (bad != null) return Verification.invalid(bad);
        double[] outer = rows[n];
        if (!(outer[2] > 0)) return Verification.invalid("the outer hexagon's side must be > 0, got " + outer[2]);
        double[][] inner = new double[n][];
        System.arraycopy(rows, 0, inner, 0, n);
        double side = outer[2];
        Map<String, Double> m = new HashMap<>();
        m.put("outer_side", side);
        m.put("min_separating_gap", minSeparatingGap(inner));
        m.put("min_containment_margin", minContainmentMargin(inner, outer));
        m.put("tightest_outer_side", tightestSide(inner, outer));
        return Formalization.verdict(side, m, tol, t -> violation(inner, outer, t), () -> {
            double[][] fixed = formalize(inner, outer);
            return fixed == null ? null : new Formalization.Repaired(fixed[n][2], fixed);
        });
    }

    /**
     * Converts the reference JSON object ({@code inner_hexagons_x_y_angle_deg, inner_side_length,
     * outer_center, outer_side_length, outer_angle_degrees}) to the row layout.
     *
     * @throws IllegalArgumentException when a key is missing, the inner side is not 1, or a value is not numeric
     */
    public static double[][] fromJson(Object json) {
        // the candidate's own layout (rows, the outer hexagon last), as stored for a run's programs
        if (json instanceof List<?>) return (double[][]) dev.thetaevolve.problem.ReturnType.DOUBLE_MATRIX.fromJson(json);
        if (!(json instanceof Map<?, ?> map)) throw new IllegalArgumentException("hexagon data must be a JSON object with inner_hexagons_x_y_angle_deg, outer_center, outer_side_length, outer_angle_degrees");
        Object side = map.get("inner_side_length");
        if (side != null && number(side, "inner_side_length") != 1.0) throw new IllegalArgumentException("inner_side_length must be 1, got " + side);
        List<?> inner = list(map.get("inner_hexagons_x_y_angle_deg"), "inner_hexagons_x_y_angle_deg");
        List<?> centre = list(map.get("outer_center"), "outer_center");
        if (centre.size() != 2) throw new IllegalArgumentException("outer_center must hold 2 numbers, got " + centre.size());
        double[][] out = new double[inner.size() + 1][];
        for (int i = 0; i < inner.size(); i++) {
            List<?> row = list(inner.get(i), "inner_hexagons_x_y_angle_deg[" + i + "]");
            out[i] = new double[row.size()];
            for (int k = 0; k < row.size(); k++) out[i][k] = number(row.get(k), "inner_hexagons_x_y_angle_deg[" + i + "][" + k + "]");
        }
        out[inner.size()] = new double[] {number(centre.get(0), "outer_center[0]"), number(centre.get(1), "outer_center[1]"),
                number(map.get("outer_side_length"), "outer_side_length"), number(map.get("outer_angle_degrees"), "outer_angle_degrees")};
        return out;
    }

    private static List<?> list(Object o, String key) {
        if (o instanceof List<?> l) return l;
        throw new IllegalArgumentException(key + " must be a JSON array, got " + o);
    }

    private static double number(Object o, String key) {
        if (o instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException(key + " must be a number, got " + o);
    }

    /** The six vertices {x0, y0, x1, y1, …} of a hexagon, as the notebook computes them. */
    public static double[] vertices(double cx, double cy, double side, double angleDeg) {
        double t = Math.toRadians(angleDeg);
        double[] v = new double[12];
        for (int k = 0; k < 6; k++) {
            double a = t + 2 * Math.PI * k / 6;
            v[2 * k] = cx + side * Math.cos(a);
            v[2 * k + 1] = cy + side * Math.sin(a);
        }
        return v;
    }

    private static double[] innerVertices(double[] h) {
        return vertices(h[0], h[1], 1, h[2]);
    }

    /**
     * The largest separation over both hexagons' edge normals: > 0 iff the notebook finds a separating axis,
     * <= 0 when they touch or overlap (then −gap bounds the overlap along the best axis).
     */
    public static double separatingGap(double[] v1, double[] v2) {
        double best = Double.NEGATIVE_INFINITY;
        for (int poly = 0; poly < 2; poly++) {
            double[] v = poly == 0 ? v1 : v2;
            for (int k = 0; k < 6; k++) {
                int k2 = (k + 1) % 6;
                double ex = v[2 * k2] - v[2 * k], ey = v[2 * k2 + 1] - v[2 * k + 1];
                double mag = Math.sqrt(ex * ex + ey * ey);
                double ax = mag != 0 ? -ey / mag : 0, ay = mag != 0 ? ex / mag : 0;
                double min1 = Double.POSITIVE_INFINITY, max1 = Double.NEGATIVE_INFINITY, min2 = min1, max2 = max1;
                for (int i = 0; i < 6; i++) {
                    double p1 = v1[2 * i] * ax + v1[2 * i + 1] * ay;
                    double p2 = v2[2 * i] * ax + v2[2 * i + 1] * ay;
                    min1 = Math.min(min1, p1);
                    max1 = Math.max(max1, p1);
                    min2 = Math.min(min2, p2);
                    max2 = Math.max(max2, p2);
                }
                best = Math.max(best, Math.max(min2 - max1, min1 - max2));
            }
        }
        return best;
    }

    /** Signed distances of {@code (px, py)} inside every edge of the hexagon {@code v}; the minimum over edges. */
    private static double insideMargin(double[] v, double px, double py, boolean exactCross) {
        double worst = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 6; k++) {
            int k2 = (k + 1) % 6;
            double ex = v[2 * k2] - v[2 * k], ey = v[2 * k2 + 1] - v[2 * k + 1];
            double cross = ex * (py - v[2 * k + 1]) - ey * (px - v[2 * k]);
            worst = Math.min(worst, exactCross ? cross : cross / Math.sqrt(ex * ex + ey * ey));
        }
        return worst;
    }

    /** The first broken constraint at tolerance {@code tol}, as a reason; null when none. */
    static String violation(double[][] inner, double[] outer, double tol) {
        double[][] v = new double[inner.length][];
        for (int i = 0; i < inner.length; i++) v[i] = innerVertices(inner[i]);
        for (int i = 0; i < inner.length; i++) {
            for (int j = i + 1; j < inner.length; j++) {
                double gap = separatingGap(v[i], v[j]);
                if (!(gap > -tol)) {
                    return "inner hexagons " + i + " and " + j + (gap == 0 ? " touch" : " overlap")
                            + ": no edge normal separates them (best separation " + gap + "; touching counts as intersecting)";
                }
            }
        }
        double[] ov = vertices(outer[0], outer[1], outer[2], outer[3]);
        for (int i = 0; i < inner.length; i++) {
            for (int k = 0; k < 6; k++) {
                double px = v[i][2 * k], py = v[i][2 * k + 1];
                boolean out = tol == 0 ? insideMargin(ov, px, py, true) < 0 : insideMargin(ov, px, py, false) < -tol;
                if (out) {
                    return "vertex " + k + " of inner hexagon " + i + " at (" + px + ", " + py + ") lies outside the outer hexagon by "
                            + (-insideMargin(ov, px, py, false)) + "; the outer side must be at least " + tightestSide(inner, outer) + " for this centre and angle";
                }
            }
        }
        return null;
    }

    private static double minSeparatingGap(double[][] inner) {
        double g = Double.POSITIVE_INFINITY;
        for (int i = 0; i < inner.length; i++) {
            double[] vi = innerVertices(inner[i]);
            for (int j = i + 1; j < inner.length; j++) g = Math.min(g, separatingGap(vi, innerVertices(inner[j])));
        }
        return g;
    }

    private static double minContainmentMargin(double[][] inner, double[] outer) {
        double[] ov = vertices(outer[0], outer[1], outer[2], outer[3]);
        double m = Double.POSITIVE_INFINITY;
        for (double[] h : inner) {
            double[] v = innerVertices(h);
            for (int k = 0; k < 6; k++) m = Math.min(m, insideMargin(ov, v[2 * k], v[2 * k + 1], false));
        }
        return m;
    }

    /** The smallest outer side that contains every inner vertex, for the given outer centre and angle. */
    public static double tightestSide(double[][] inner, double[] outer) {
        double t = Math.toRadians(outer[3]);
        double need = 0;
        for (double[] h : inner) {
            double[] v = innerVertices(h);
            for (int k = 0; k < 6; k++) {
                for (int e = 0; e < 6; e++) {
                    double a = t + Math.PI / 6 + Math.PI * e / 3; // outward normal of edge e
                    need = Math.max(need, (v[2 * k] - outer[0]) * Math.cos(a) + (v[2 * k + 1] - outer[1]) * Math.sin(a));
                }
            }
        }
        return need * 2 / Math.sqrt(3);
    }

    /** The strictly valid version described in the class comment, in the row layout; null if none is found. */
    static double[][] formalize(double[][] inner, double[] outer) {
        int n = inner.length;
        double lo = 0, hi = 0x1p-40;
        while (!disjointAt(inner, outer, hi)) {
            lo = hi;
            hi *= 2;
            if (hi > 1) return null;
        }
        if (lo > 0 || !disjointAt(inner, outer, 0)) {
            for (int it = 0; it < 40 && hi - lo > 0x1p-52; it++) {
                double mid = (lo + hi) / 2;
                if (disjointAt(inner, outer, mid)) hi = mid;
                else lo = mid;
            }
        } else {
            hi = 0;
        }
        double[][] out = spread(inner, outer, hi);
        double[][] in = new double[n][];
        System.arraycopy(out, 0, in, 0, n);
        double side = Math.max(outer[2], tightestSide(in, outer));
        for (int attempt = 0; attempt < 64; attempt++) {
            out[n] = new double[] {outer[0], outer[1], side, outer[3]};
            if (violation(in, out[n], 0) == null) return out;
            side += Math.ulp(side) * (1L << Math.min(attempt, 40));
        }
        return null;
    }

    private static double[][] spread(double[][] inner, double[] outer, double excess) {
        double lambda = 1 + excess;
        double[][] out = new double[inner.length + 1][];
        for (int i = 0; i < inner.length; i++) {
            out[i] = new double[] {outer[0] + lambda * (inner[i][0] - outer[0]), outer[1] + lambda * (inner[i][1] - outer[1]), inner[i][2]};
        }
        return out;
    }

    private static boolean disjointAt(double[][] inner, double[] outer, double excess) {
        double[][] s = spread(inner, outer, excess);
        for (int i = 0; i < inner.length; i++) {
            double[] vi = innerVertices(s[i]);
            for (int j = i + 1; j < inner.length; j++) {
                if (!(separatingGap(vi, innerVertices(s[j])) > 0)) return false;
            }
        }
        return true;
    }
}
