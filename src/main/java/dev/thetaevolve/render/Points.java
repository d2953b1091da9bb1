package dev.thetaevolve.render;

import dev.thetaevolve.problem.geometry.Heilbronn;
import dev.thetaevolve.render.ConstructionSvg.Unfit;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.ArrayList;
import java.util.List;

import static dev.thetaevolve.render.Canvas.MARGIN;
import static dev.thetaevolve.render.Canvas.W;
import static dev.thetaevolve.render.Canvas.num;

/** Point sets: Heilbronn configurations (smallest triangle) and min/max distance ratios (extreme pairs). */
final class Points {
    /** Triangles or pairs within this relative distance of the extreme are drawn as ties. */
    static final double TIE = 1e-6;
    private static final int MAX_TRIPLE_SCAN = 300;
    private static final int MAX_PAIR_SCAN = 3000;
    private static final double BOX = W - 2 * MARGIN;
    private static final String POINT = "#24292f", MIN = "#1f6feb", MAX = "#cf222e";

    private Points() {
    }

    private static void check(double[][] p, int width, String layout) {
        if (p.length == 0) throw new Unfit("no points");
        for (int i = 0; i < p.length; i++) {
            if (p[i] == null || p[i].length < width) throw new Unfit("point " + i + " is not " + layout);
        }
    }

    /**
     * Heilbronn: the points, the container (the unit triangle, or the convex hull), the smallest triangle
     * filled, and triangles within {@link #TIE} of it outlined.
     */
    static double heilbronn(Canvas c, double[][] p, boolean unitTriangle, List<String> caption) {
        check(p, 2, "{x, y}");
        int n = p.length;
        Frame.Bounds b = new Frame.Bounds();
        for (double[] q : p) b.add(q[0], q[1]);
        double[] triangle = {0, 0, 1, 0, 0.5, Math.sqrt(3) / 2};
        if (unitTriangle) for (int k = 0; k < 6; k += 2) b.add(triangle[k], triangle[k + 1]);
        Frame f = Frame.fit(b.pad(0.03), MARGIN, Canvas.top(), BOX, 540);
        double[] hull = unitTriangle ? triangle : hull(p);
        if (hull.length >= 6) c.polygon(unitTriangle ? "container" : "hull", Shapes.map(f, hull), "#f6f8fa", ConstructionSvg.INK, 1.5, 1);

        double best = Double.POSITIVE_INFINITY;
        int bi = -1, bj = -1, bk = -1;
        List<int[]> ties = new ArrayList<>();
        if (n >= 3 && n <= MAX_TRIPLE_SCAN) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    for (int k = j + 1; k < n; k++) {
                        double a = Heilbronn.triangleArea(p[i][0], p[i][1], p[j][0], p[j][1], p[k][0], p[k][1]);
                        if (a < best) {
                            best = a;
                            bi = i;
                            bj = j;
                            bk = k;
                        }
                    }
                }
            }
            if (bi >= 0) {
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        for (int k = j + 1; k < n; k++) {
                            if (i == bi && j == bj && k == bk) continue;
                            double a = Heilbronn.triangleArea(p[i][0], p[i][1], p[j][0], p[j][1], p[k][0], p[k][1]);
                            if (a <= best * (1 + TIE) + Double.MIN_VALUE) ties.add(new int[]{i, j, k});
                        }
                    }
                }
            }
        }
        for (int[] t : ties.subList(0, Math.min(ties.size(), 200))) c.polygon("tied-triangle", tri(f, p, t[0], t[1], t[2]), "#ff8c00", "#ff8c00", 1, 0.12);
        if (bi >= 0) c.polygon("smallest-triangle", tri(f, p, bi, bj, bk), MAX, MAX, 1.8, 0.35);
        for (double[] q : p) c.circle("point", f.x(q[0]), f.y(q[1]), 5, POINT, "#ffffff", 1.2);
        caption.add(n + " points");
        if (bi >= 0) {
            caption.add("smallest triangle (red) area " + num(best));
            caption.add(ties.size() + " more within " + num(TIE) + " relative (orange)");
        } else if (n >= 3) {
            caption.add("too many points to search all triangles");
        }
        return f.height;
    }

    private static double[] tri(Frame f, double[][] p, int i, int j, int k) {
        return Shapes.map(f, new double[]{p[i][0], p[i][1], p[j][0], p[j][1], p[k][0], p[k][1]});
    }

    /** Convex hull (Andrew's monotone chain) as {x0, y0, …}, counter-clockwise; finite points only. */
    static double[] hull(double[][] p) {
        List<double[]> pts = new ArrayList<>();
        for (double[] q : p) if (Canvas.finite(q[0], q[1])) pts.add(q);
        pts.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        int m = pts.size();
        if (m < 3) return new double[0];
        double[][] h = new double[2 * m][];
        int k = 0;
        for (int i = 0; i < m; i++) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], pts.get(i)) <= 0) k--;
            h[k++] = pts.get(i);
        }
        for (int i = m - 2, t = k + 1; i >= 0; i--) {
            while (k >= t && cross(h[k - 2], h[k - 1], pts.get(i)) <= 0) k--;
            h[k++] = pts.get(i);
        }
        double[] out = new double[2 * (k - 1)];
        for (int i = 0; i < k - 1; i++) {
            out[2 * i] = h[i][0];
            out[2 * i + 1] = h[i][1];
        }
        return out;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    /**
     * Min/max distance ratio: the points with every pair at the minimum distance (blue) and at the maximum
     * (red), ties within {@link #TIE}. In 3D the points are projected on their two principal axes (depth
     * shown by size and shade), and a strip below places every pair distance between the two extremes.
     */
    static double distanceRatio(Canvas c, double[][] p, List<String> caption) {
        if (p.length == 0) throw new Unfit("no points");
        int dim = p[0] == null ? 0 : p[0].length;
        if (dim < 2) throw new Unfit("points need at least 2 coordinates");
        check(p, dim, dim + " coordinates");
        int n = p.length;
        double[][] xyz = dim == 2 ? p : project(p);
        Frame.Bounds b = new Frame.Bounds();
        for (double[] q : xyz) b.add(q[0], q[1]);
        boolean strip = dim > 2 && n <= MAX_PAIR_SCAN;
        Frame f = Frame.fit(b.pad(0.06), MARGIN, Canvas.top(), BOX, strip ? 430 : 540);

        double dMin = Double.POSITIVE_INFINITY, dMax = 0;
        double[] dist = new double[n <= MAX_PAIR_SCAN ? n * (n - 1) / 2 : 0];
        if (n <= MAX_PAIR_SCAN) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double s = 0;
                    for (int d = 0; d < dim; d++) s += (p[i][d] - p[j][d]) * (p[i][d] - p[j][d]);
                    double d = Math.sqrt(s);
                    dist[k++] = d;
                    if (Double.isFinite(d)) {
                        dMin = Math.min(dMin, d);
                        dMax = Math.max(dMax, d);
                    }
                }
            }
            int mins = 0, maxs = 0;
            k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++, k++) {
                    double d = dist[k];
                    if (d <= dMin * (1 + TIE)) {
                        mins++;
                        c.line("min-pair", f.x(xyz[i][0]), f.y(xyz[i][1]), f.x(xyz[j][0]), f.y(xyz[j][1]), MIN, 1.6);
                    } else if (d >= dMax * (1 - TIE)) {
                        maxs++;
                        c.line("max-pair", f.x(xyz[i][0]), f.y(xyz[i][1]), f.x(xyz[j][0]), f.y(xyz[j][1]), MAX, 1.6, "6 4");
                    }
                }
            }
            caption.add(n + " points" + (dim > 2 ? " in " + dim + "D, projected on their principal plane" : ""));
            caption.add(mins + " pairs at the min distance (blue), " + maxs + " at the max (red, dashed)");
        } else {
            caption.add(n + " points");
        }
        double zMin = Double.POSITIVE_INFINITY, zMax = Double.NEGATIVE_INFINITY;
        if (dim > 2) {
            for (double[] q : xyz) {
                if (Double.isFinite(q[2])) {
                    zMin = Math.min(zMin, q[2]);
                    zMax = Math.max(zMax, q[2]);
                }
            }
        }
        for (double[] q : xyz) {
            double t = dim > 2 && zMax > zMin ? (q[2] - zMin) / (zMax - zMin) : 1;
            c.circle("point", f.x(q[0]), f.y(q[1]), dim > 2 ? 4 + 3 * t : 5.5, Canvas.mix("#8c959f", POINT, t), "#ffffff", 1.2);
        }
        if (!strip || !(dMax > 0) || !(dMin > 0)) return f.height;

        // the strip: every pair distance, as a multiple of the minimum
        double top = Canvas.top() + f.height + 24, left = MARGIN + 24, width = BOX - 48, h = 34;
        double ratio = dMax / dMin;
        Frame s = Frame.stretch(new Frame.Bounds().add(1, 0).add(Math.max(ratio, 1 + 1e-9), 1), left, top, width, h);
        c.text("strip-title", MARGIN, top - 8, "all " + dist.length + " pair distances ÷ the minimum (max/min = " + num(ratio) + ", squared " + num(ratio * ratio) + ")",
                12, ConstructionSvg.MUTED, "start", false);
        c.line("axis", left, top + h, left + width, top + h, ConstructionSvg.MUTED, 1);
        for (double d : dist) {
            if (!Double.isFinite(d)) continue;
            double x = s.x(d / dMin);
            String color = d <= dMin * (1 + TIE) ? MIN : d >= dMax * (1 - TIE) ? MAX : "#57606a";
            c.line("distance", x, top, x, top + h, color, 1.2);
        }
        c.text("tick", left, top + h + 15, "1", 11, ConstructionSvg.MUTED, "middle", false);
        c.text("tick", left + width, top + h + 15, num(ratio), 11, ConstructionSvg.MUTED, "middle", false);
        return f.height + 24 + h + 18;
    }

    /** Points in 3+ dimensions onto their two principal axes; the third coordinate is depth along the third. */
    static double[][] project(double[][] p) {
        int n = p.length, dim = p[0].length;
        double[] mean = new double[dim];
        int used = 0;
        for (double[] q : p) {
            if (!Canvas.finite(q)) continue;
            used++;
            for (int d = 0; d < dim; d++) mean[d] += q[d];
        }
        if (used == 0) throw new Unfit("no point has finite coordinates");
        for (int d = 0; d < dim; d++) mean[d] /= used;
        double[][] cov = new double[dim][dim];
        for (double[] q : p) {
            if (!Canvas.finite(q)) continue;
            for (int a = 0; a < dim; a++) for (int b = 0; b < dim; b++) cov[a][b] += (q[a] - mean[a]) * (q[b] - mean[b]);
        }
        double[][] axes = new double[3][dim];
        try {
            EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
            double[] ev = e.getRealEigenvalues();
            Integer[] order = new Integer[dim];
            for (int i = 0; i < dim; i++) order[i] = i;
            java.util.Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
            for (int k = 0; k < 3 && k < dim; k++) axes[k] = e.getEigenvector(order[k]).toArray();
        } catch (RuntimeException notConverged) {
            for (int k = 0; k < 3 && k < dim; k++) axes[k][k] = 1;
        }
        double[][] out = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                double s = 0;
                for (int d = 0; d < dim; d++) s += (p[i][d] - mean[d]) * axes[k][d];
                out[i][k] = s;
            }
        }
        return out;
    }
}
