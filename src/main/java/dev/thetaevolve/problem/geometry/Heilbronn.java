package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Verification;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies Heilbronn configurations: points {x, y} maximizing the smallest area of a triangle formed by
 * three of them, normalized either by the unit equilateral triangle that must contain them or by the
 * points' own convex hull. Triangle areas use the notebook's expression
 * {@code |x1(y2−y3) + x2(y3−y1) + x3(y1−y2)| / 2}.
 *
 * <p>The unit triangle has vertices (0,0), (1,0), (1/2, √3/2); containment is the notebook's double test
 * {@code y >= 0 && √3·x <= √3 − y && y <= √3·x}, which accepts the reference's point 8 although it lies
 * 1.8e-17 outside in exact arithmetic. Tolerant mode relaxes each of the three inequalities by the
 * tolerance; a configuration valid only that way is auto-formalized by scaling it towards the triangle's
 * centroid by the smallest factor that passes the strict test (areas scale by its square).
 */
public final class Heilbronn {

    private static final double SQRT3 = Math.sqrt(3);
    /** Area of the unit equilateral triangle, as the notebook computes it. */
    public static final double UNIT_TRIANGLE_AREA = Math.sqrt(3) / 4;

    private Heilbronn() {
    }

    /** {@code n} points in the unit equilateral triangle; score = min triangle area / (√3/4). */
    public static Verification inUnitTriangle(double[][] p, int n, double tol) {
        String bad = Rows.check(p, n, 2, "point", "{x, y}");
        if (bad != null) return Verification.invalid(bad);
        Map<String, Double> m = new HashMap<>();
        double score = minTriangleArea(p, m) / UNIT_TRIANGLE_AREA;
        m.put("min_area_normalized", score);
        m.put("min_edge_margin", minEdgeMargin(p));
        return Formalization.verdict(score, m, tol, t -> outside(p, t), () -> {
            double[][] scaled = shrinkIntoTriangle(p);
            return scaled == null ? null : new Formalization.Repaired(minTriangleArea(scaled, null) / UNIT_TRIANGLE_AREA, scaled);
        });
    }

    /** {@code n} points anywhere in the plane; score = min triangle area / area of their convex hull. */
    public static Verification inConvexHull(double[][] p, int n) {
        String bad = Rows.check(p, n, 2, "point", "{x, y}");
        if (bad != null) return Verification.invalid(bad);
        double hull = convexHullArea(p);
        if (!(hull > 0)) return Verification.invalid("the convex hull of the points has area " + hull + "; the points must not all lie on one line");
        Map<String, Double> m = new HashMap<>();
        double min = minTriangleArea(p, m);
        double score = min / hull;
        m.put("hull_area", hull);
        m.put("min_area_over_hull", score);
        return Verification.valid(score, m);
    }

    /** The notebook's triangle area. */
    public static double triangleArea(double x1, double y1, double x2, double y2, double x3, double y3) {
        return Math.abs(x1 * (y2 - y3) + x2 * (y3 - y1) + x3 * (y1 - y2)) / 2;
    }

    /** Smallest area over all triples; records the area and the triple in {@code metrics} when non-null. */
    static double minTriangleArea(double[][] p, Map<String, Double> metrics) {
        double min = Double.POSITIVE_INFINITY;
        int bi = -1, bj = -1, bk = -1;
        for (int i = 0; i < p.length; i++) {
            for (int j = i + 1; j < p.length; j++) {
                for (int k = j + 1; k < p.length; k++) {
                    double a = triangleArea(p[i][0], p[i][1], p[j][0], p[j][1], p[k][0], p[k][1]);
                    if (a < min) {
                        min = a;
                        bi = i;
                        bj = j;
                        bk = k;
                    }
                }
            }
        }
        if (metrics != null) {
            metrics.put("min_triangle_area", min);
            metrics.put("min_triangle_i", (double) bi);
            metrics.put("min_triangle_j", (double) bj);
            metrics.put("min_triangle_k", (double) bk);
        }
        return min;
    }

    /** Area of the convex hull (Andrew's monotone chain, then the shoelace formula); 0 for collinear points. */
    public static double convexHullArea(double[][] pts) {
        int n = pts.length;
        if (n < 3) return 0;
        double[][] p = pts.clone();
        Arrays.sort(p, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        double[][] hull = new double[2 * n][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) k--;
            hull[k++] = p[i];
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) k--;
            hull[k++] = p[i];
        }
        double twice = 0;
        for (int i = 0; i < k - 1; i++) twice += hull[i][0] * hull[i + 1][1] - hull[i + 1][0] * hull[i][1];
        return Math.abs(twice) / 2;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    /** The first point outside the unit triangle by more than {@code tol}, as a reason; null when none. */
    static String outside(double[][] p, double tol) {
        for (int i = 0; i < p.length; i++) {
            double x = p[i][0], y = p[i][1];
            if (!(y >= -tol)) return "point " + i + " at (" + x + ", " + y + ") lies below the edge y = 0 by " + (-y);
            if (!(SQRT3 * x <= SQRT3 - y + tol)) return "point " + i + " at (" + x + ", " + y + ") lies outside the right edge (needs sqrt(3)*x <= sqrt(3) - y) by " + (SQRT3 * x - (SQRT3 - y));
            if (!(y <= SQRT3 * x + tol)) return "point " + i + " at (" + x + ", " + y + ") lies outside the left edge (needs y <= sqrt(3)*x) by " + (y - SQRT3 * x);
        }
        return null;
    }

    private static double minEdgeMargin(double[][] p) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] q : p) m = Math.min(m, Math.min(q[1], Math.min(SQRT3 - q[1] - SQRT3 * q[0], SQRT3 * q[0] - q[1])));
        return m;
    }

    /** Scales towards the centroid (1/2, √3/6) by the largest factor below 1 that passes the strict test. */
    static double[][] shrinkIntoTriangle(double[][] p) {
        double cx = 0.5, cy = SQRT3 / 6;
        for (double e = 0x1p-52; e < 0.5; e *= 2) {
            double f = 1 - e;
            double[][] s = new double[p.length][];
            for (int i = 0; i < p.length; i++) s[i] = new double[] {cx + f * (p[i][0] - cx), cy + f * (p[i][1] - cy)};
            if (outside(s, 0) == null) return s;
        }
        return null;
    }
}
