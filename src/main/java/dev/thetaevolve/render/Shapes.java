package dev.thetaevolve.render;

import dev.thetaevolve.problem.geometry.HexagonPackings;
import dev.thetaevolve.render.ConstructionSvg.Unfit;

import java.util.List;

import static dev.thetaevolve.render.Canvas.MARGIN;
import static dev.thetaevolve.render.Canvas.W;
import static dev.thetaevolve.render.Canvas.num;

/** Packings: circles in a square or a rectangle, hexagons in a hexagon. */
final class Shapes {
    /** Pairs (and walls) closer than this fraction of the container's size count as touching: at full width it is far below a pixel. */
    static final double CONTACT_GAP = 1e-4;
    /** Pair scans beyond this many shapes are skipped (user problems may return thousands). */
    private static final int MAX_PAIR_SCAN = 3000;
    private static final double BOX = W - 2 * MARGIN;

    private Shapes() {
    }

    /**
     * Circles {x, y, r}: the container (the unit square, or the discs' bounding box for the rectangle
     * problem), each disc shaded by its radius, and thin red lines joining touching centres and from a
     * centre to the side it touches.
     */
    static double circles(Canvas c, double[][] rows, boolean rectangle, List<String> caption) {
        if (rows.length == 0) throw new Unfit("no circles");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length < 3) {
                throw new Unfit("circle " + i + " has " + (rows[i] == null ? "no row" : rows[i].length + " numbers") + "; each circle is {x, y, r}");
            }
        }
        Frame.Bounds discs = new Frame.Bounds();
        double rMin = Double.POSITIVE_INFINITY, rMax = 0;
        for (double[] r : rows) {
            if (!drawable(r)) continue;
            discs.add(r[0] - r[2], r[1] - r[2]).add(r[0] + r[2], r[1] + r[2]);
            rMin = Math.min(rMin, r[2]);
            rMax = Math.max(rMax, r[2]);
        }
        double cx0, cy0, cx1, cy1;
        if (rectangle) {
            if (discs.empty()) throw new Unfit("no circle has finite {x, y, r} with r >= 0");
            cx0 = discs.x0;
            cy0 = discs.y0;
            cx1 = discs.x1;
            cy1 = discs.y1;
        } else {
            cx0 = 0;
            cy0 = 0;
            cx1 = 1;
            cy1 = 1;
        }
        Frame.Bounds all = new Frame.Bounds().add(cx0, cy0).add(cx1, cy1);
        if (!discs.empty()) all.add(discs.x0, discs.y0).add(discs.x1, discs.y1);
        Frame f = Frame.fit(all.pad(0.01), MARGIN, Canvas.top(), BOX, 560);
        c.rect("container", f.x(cx0), f.y(cy1), f.len(cx1 - cx0), f.len(cy1 - cy0), "#f6f8fa", ConstructionSvg.INK, 1.5);

        for (double[] r : rows) {
            if (!drawable(r)) continue;
            double t = rMax > rMin ? (r[2] - rMin) / (rMax - rMin) : 0.5;
            c.circle("disc", f.x(r[0]), f.y(r[1]), f.len(r[2]), Canvas.mix("#deebf7", "#2171b5", t), "#08306b", 0.9);
        }
        double size = Math.max(cx1 - cx0, cy1 - cy0);
        double gap = CONTACT_GAP * size;
        int contacts = 0, walls = 0;
        if (rows.length <= MAX_PAIR_SCAN) {
            for (int i = 0; i < rows.length; i++) {
                double[] a = rows[i];
                if (!drawable(a)) continue;
                for (int j = i + 1; j < rows.length; j++) {
                    double[] b = rows[j];
                    if (!drawable(b)) continue;
                    double d = Math.hypot(a[0] - b[0], a[1] - b[1]) - a[2] - b[2];
                    if (d <= gap) {
                        contacts++;
                        c.line("contact", f.x(a[0]), f.y(a[1]), f.x(b[0]), f.y(b[1]), "#d62728", 1.1);
                    }
                }
                // the sides it touches: a short line from the centre to the side
                double[][] sides = {{a[0] - a[2] - cx0, cx0, a[1]}, {cx1 - a[0] - a[2], cx1, a[1]}};
                for (double[] s : sides) {
                    if (Math.abs(s[0]) <= gap) {
                        walls++;
                        c.line("wall-contact", f.x(a[0]), f.y(a[1]), f.x(s[1]), f.y(s[2]), "#d62728", 1.1);
                    }
                }
                double[][] tops = {{a[1] - a[2] - cy0, cy0}, {cy1 - a[1] - a[2], cy1}};
                for (double[] s : tops) {
                    if (Math.abs(s[0]) <= gap) {
                        walls++;
                        c.line("wall-contact", f.x(a[0]), f.y(a[1]), f.x(a[0]), f.y(s[1]), "#d62728", 1.1);
                    }
                }
            }
        }
        caption.add(rows.length + " circles");
        if (rows.length <= MAX_PAIR_SCAN) caption.add(contacts + " contacts, " + walls + " with the sides (red; gap ≤ " + num(gap) + ")");
        if (rMax >= rMin) caption.add("r from " + num(rMin) + " to " + num(rMax) + " (darker = larger)");
        if (rectangle) caption.add("box " + num(cx1 - cx0) + " × " + num(cy1 - cy0) + ", w + h = " + num(cx1 - cx0 + cy1 - cy0));
        return f.height;
    }

    private static boolean drawable(double[] r) {
        return Canvas.finite(r[0], r[1], r[2]) && r[2] >= 0;
    }

    /**
     * Hexagons: rows 0..n−1 {x, y, angleDeg} of unit hexagons, the last row {cx, cy, side, angleDeg} of the
     * outer one. Inner hexagons are shaded by their angle modulo 60°, with a tick from the centre to vertex
     * 0; touching pairs are joined.
     */
    static double hexagons(Canvas c, double[][] rows, List<String> caption) {
        if (rows.length < 2) throw new Unfit("need the inner hexagons and the outer one (last row), got " + rows.length + " rows");
        int n = rows.length - 1;
        for (int i = 0; i < n; i++) {
            if (rows[i] == null || rows[i].length < 3) throw new Unfit("hexagon " + i + " is not {x, y, angleDeg}");
        }
        double[] outer = rows[n];
        if (outer == null || outer.length < 4) throw new Unfit("the last row must be the outer hexagon {cx, cy, side, angleDeg}");
        double[][] v = new double[n][];
        Frame.Bounds b = new Frame.Bounds();
        for (int i = 0; i < n; i++) {
            v[i] = HexagonPackings.vertices(rows[i][0], rows[i][1], 1, rows[i][2]);
            for (int k = 0; k < 6; k++) b.add(v[i][2 * k], v[i][2 * k + 1]);
        }
        double[] ov = HexagonPackings.vertices(outer[0], outer[1], outer[2], outer[3]);
        for (int k = 0; k < 6; k++) b.add(ov[2 * k], ov[2 * k + 1]);
        Frame f = Frame.fit(b.pad(0.02), MARGIN, Canvas.top(), BOX, 560);
        c.polygon("outer", map(f, ov), "#f6f8fa", ConstructionSvg.INK, 2, 1);
        for (int i = 0; i < n; i++) {
            double t = ((rows[i][2] % 60) + 60) % 60 / 60;
            c.polygon("hexagon", map(f, v[i]), Canvas.mix("#c6dbef", "#6a51a3", t), "#08306b", 1, 0.9);
        }
        double minGap = Double.POSITIVE_INFINITY;
        int contacts = 0;
        if (n <= MAX_PAIR_SCAN) {
            double gap = CONTACT_GAP * Math.max(b.width(), b.height());
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double g = HexagonPackings.separatingGap(v[i], v[j]);
                    if (Double.isFinite(g)) minGap = Math.min(minGap, g);
                    if (g <= gap) {
                        contacts++;
                        c.line("contact", f.x(rows[i][0]), f.y(rows[i][1]), f.x(rows[j][0]), f.y(rows[j][1]), "#d62728", 1.1);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double tx = (rows[i][0] + v[i][0]) / 2, ty = (rows[i][1] + v[i][1]) / 2; // half way to vertex 0
            c.line("orientation", f.x(rows[i][0]), f.y(rows[i][1]), f.x(tx), f.y(ty), "#08306b", 1.4);
            c.circle("centre", f.x(rows[i][0]), f.y(rows[i][1]), 2.2, "#08306b", "none", 0);
        }
        caption.add(n + " unit hexagons in one of side " + num(outer[2]));
        if (n <= MAX_PAIR_SCAN && n > 1) caption.add(contacts + " touching pairs (red) · smallest gap " + num(minGap));
        caption.add("shade = angle mod 60°");
        return f.height;
    }

    static double[] map(Frame f, double[] xy) {
        double[] out = new double[xy.length];
        for (int i = 0; i + 1 < xy.length; i += 2) {
            out[i] = f.x(xy[i]);
            out[i + 1] = f.y(xy[i + 1]);
        }
        return out;
    }
}
