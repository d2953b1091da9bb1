package dev.thetaevolve.render;

import dev.thetaevolve.problem.numeric.Autoconvolution;
import dev.thetaevolve.problem.numeric.HermiteUncertainty;
import dev.thetaevolve.render.ConstructionSvg.Family;
import dev.thetaevolve.render.ConstructionSvg.Unfit;

import java.util.ArrayList;
import java.util.List;

import static dev.thetaevolve.render.Canvas.MARGIN;
import static dev.thetaevolve.render.Canvas.W;
import static dev.thetaevolve.render.Canvas.num;

/** Functions: step functions with the quantity their bound is about, and the Hermite polynomial. */
final class Functions {
    private static final double LEFT = MARGIN + 58, RIGHT = W - MARGIN - 8, PLOT_W = RIGHT - LEFT;
    private static final String LINE = "#0550ae", QUANTITY = "#8250df", MARK = "#cf222e", AXIS = "#8c959f";
    /** Most points a drawn line gets: longer series are reduced to their min/max per column. */
    private static final int COLUMNS = 700;
    /** Erdős correlations cost n² multiply-adds; beyond this length only the heights are drawn. */
    private static final int MAX_CORRELATION = 20_000;

    private Functions() {
    }

    /**
     * A step function h (heights over n equal steps) on top; below, what the bound measures, with its
     * maximum marked: the normalized autoconvolution 2n·(h∗h)/(Σh)² (C1, C3, C3′ — for C3′ the entry of
     * largest absolute value), the autoconvolution over its maximum (C2), or the Erdős overlap
     * (2/n)·Σ h_{i+k}(1 − h_i) over shifts k. A problem outside these families gets only the top panel.
     */
    static double stepFunction(Canvas c, double[] h, Family kind, List<String> caption) {
        int n = h.length;
        if (n == 0) throw new Unfit("no values");
        for (int i = 0; i < n; i++) if (!Double.isFinite(h[i])) throw new Unfit("value " + i + " is " + h[i]);
        double top = Canvas.top() + 6;
        double panel = 190;
        Frame.Bounds hb = new Frame.Bounds().add(0, 0).add(n, 0);
        for (double v : h) hb.add(0, v);
        double[] hRange = {hb.y0, hb.y1};
        Frame fh = Frame.stretch(hb.padY(0.06), LEFT, top, PLOT_W, panel);
        axes(c, fh, hRange, 0, n, "h", kind == Family.GENERIC ? "index" : "step");
        c.polyline("function", steps(fh, h), LINE, 1.6);
        caption.add("n = " + n + (kind == Family.GENERIC ? " values" : " steps"));
        if (kind == Family.GENERIC) return panel + 30;

        double[] q;
        double k0;
        String name;
        double sum = 0;
        for (double v : h) sum += v;
        if (kind == Family.ERDOS) {
            if (n > MAX_CORRELATION) {
                caption.add("too long to draw the overlap");
                return panel + 30;
            }
            q = new double[2 * n - 1];
            for (int k = -(n - 1); k <= n - 1; k++) {
                int lo = Math.max(0, -k), hi = Math.min(n, n - k);
                double s = 0;
                for (int i = lo; i < hi; i++) s += h[i + k] * (1 - h[i]);
                q[k + n - 1] = 2 * s / n;
            }
            k0 = -(n - 1);
            name = "overlap M(k) = (2/n)·Σ h(i+k)(1 − h(i))";
        } else {
            if (n > Autoconvolution.MAX_LENGTH) {
                caption.add("too long to draw the autoconvolution");
                return panel + 30;
            }
            double[] g = Autoconvolution.full(h);
            q = new double[g.length];
            k0 = 0;
            if (kind == Family.C2) {
                double max = 0;
                for (double v : g) max = Math.max(max, Math.abs(v));
                for (int k = 0; k < g.length; k++) q[k] = max > 0 ? g[k] / max : 0;
                name = "autoconvolution h∗h ÷ its max";
            } else {
                double scale = 2.0 * n / (sum * sum);
                if (!Double.isFinite(scale)) {
                    caption.add("Σh = " + num(sum) + ": the autoconvolution cannot be normalized");
                    return panel + 30;
                }
                for (int k = 0; k < g.length; k++) q[k] = g[k] * scale;
                name = "2n·(h∗h)(k) / (Σh)²";
            }
        }
        int best = 0;
        for (int k = 1; k < q.length; k++) {
            boolean better = kind == Family.C3_PRIME ? Math.abs(q[k]) > Math.abs(q[best]) : q[k] > q[best];
            if (better) best = k;
        }
        double top2 = top + panel + 44;
        Frame.Bounds qb = new Frame.Bounds().add(k0, 0).add(k0 + q.length - 1, 0);
        for (double v : q) qb.add(k0, v);
        double[] qRange = {qb.y0, qb.y1};
        Frame fq = Frame.stretch(qb.padY(0.08), LEFT, top2, PLOT_W, panel);
        axes(c, fq, qRange, k0, k0 + q.length - 1, "", "k");
        c.text("panel-title", LEFT, top2 - 8, name, 12, ConstructionSvg.MUTED, "start", false);
        c.polyline("quantity", line(fq, q, k0), QUANTITY, 1.4);
        double mx = fq.x(k0 + best), my = fq.y(q[best]);
        c.line("max-level", LEFT, my, RIGHT, my, MARK, 0.8, "4 3");
        c.circle("max-marker", mx, my, 5, MARK, "#ffffff", 1.5);
        String label = (kind == Family.C3_PRIME ? "max |·| = " : "max = ") + num(q[best]) + " at k = " + (long) (k0 + best);
        boolean right = mx < LEFT + PLOT_W * 0.6;
        c.text("max-label", right ? mx + 9 : mx - 9, Math.max(my - 8, top2 + 12), label, 12.5, MARK, right ? "start" : "end", true);
        caption.add("Σh = " + num(sum));
        caption.add("bottom: " + name + ", max marked");
        return top2 - Canvas.top() + panel + 30;
    }

    /** Frame, zero line, the data's y range at its level and the x range. */
    private static void axes(Canvas c, Frame f, double[] yRange, double x0, double x1, String yName, String xName) {
        double yTop = f.top, yBottom = f.top + f.height;
        c.rect("plot-frame", LEFT, yTop, PLOT_W, f.height, "none", "#d0d7de", 1);
        if (yRange[0] <= 0 && yRange[1] >= 0) c.line("zero", LEFT, f.y(0), RIGHT, f.y(0), AXIS, 0.8);
        c.text("tick", LEFT - 5, f.y(yRange[1]) + 4, num(yRange[1]), 10.5, ConstructionSvg.MUTED, "end", false);
        if (yRange[0] != yRange[1]) c.text("tick", LEFT - 5, f.y(yRange[0]) + 4, num(yRange[0]), 10.5, ConstructionSvg.MUTED, "end", false);
        c.text("tick", LEFT, yBottom + 14, num(x0), 10.5, ConstructionSvg.MUTED, "start", false);
        c.text("tick", RIGHT, yBottom + 14, num(x1), 10.5, ConstructionSvg.MUTED, "end", false);
        c.text("axis-label", (LEFT + RIGHT) / 2, yBottom + 14, xName, 10.5, ConstructionSvg.MUTED, "middle", false);
        if (!yName.isEmpty()) c.text("axis-label", LEFT - 5, (yTop + yBottom) / 2 + 4, yName, 12, ConstructionSvg.MUTED, "end", true);
    }

    /** Step i spans [i, i+1] at height h[i]; long series keep each column's min and max. */
    private static double[] steps(Frame f, double[] h) {
        int n = h.length;
        if (n <= COLUMNS / 2) {
            double[] xy = new double[4 * n];
            for (int i = 0; i < n; i++) {
                xy[4 * i] = f.x(i);
                xy[4 * i + 1] = f.y(h[i]);
                xy[4 * i + 2] = f.x(i + 1);
                xy[4 * i + 3] = f.y(h[i]);
            }
            return xy;
        }
        return envelope(f, h, 0, 0.5);
    }

    private static double[] line(Frame f, double[] q, double k0) {
        if (q.length <= COLUMNS) {
            double[] xy = new double[2 * q.length];
            for (int k = 0; k < q.length; k++) {
                xy[2 * k] = f.x(k0 + k);
                xy[2 * k + 1] = f.y(q[k]);
            }
            return xy;
        }
        return envelope(f, q, k0, 0);
    }

    /** Per column: a vertical stroke from the column's min to its max (first, extremes, last in order). */
    private static double[] envelope(Frame f, double[] v, double x0, double shift) {
        int n = v.length;
        List<double[]> pts = new ArrayList<>();
        for (int col = 0; col < COLUMNS; col++) {
            int a = (int) ((long) n * col / COLUMNS), b = (int) ((long) n * (col + 1) / COLUMNS);
            if (b <= a) continue;
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            int ilo = a, ihi = a;
            for (int i = a; i < b; i++) {
                if (v[i] < lo) {
                    lo = v[i];
                    ilo = i;
                }
                if (v[i] > hi) {
                    hi = v[i];
                    ihi = i;
                }
            }
            double x = f.x(x0 + (a + b) / 2.0 + shift - 0.5);
            boolean lowFirst = ilo <= ihi;
            pts.add(new double[]{x, f.y(lowFirst ? lo : hi)});
            if (lo != hi) pts.add(new double[]{x, f.y(lowFirst ? hi : lo)});
        }
        double[] xy = new double[2 * pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xy[2 * i] = pts.get(i)[0];
            xy[2 * i + 1] = pts.get(i)[1];
        }
        return xy;
    }

    // ---- uncertainty, Hermite form ------------------------------------------------------------------------

    private static final int[] DEGREES = {0, 4, 8, 12};

    /**
     * P = c0·H0 + c1·H4 + c2·H8 + c3·H12 (c3 makes P(0) = 0; P flipped to tend to +∞), drawn as
     * P(x)·e^(−x²/2) for x ≥ 0 on a sign-preserving log scale, with every sign change of P(x)/x² marked and
     * the largest, r (score r²/2π), highlighted. The roots come from the exact verifier when it finds one,
     * else from a sampled sign change.
     */
    static double hermite(Canvas c, double[] coef, List<String> caption) {
        if (coef.length != 3) throw new Unfit("expected 3 coefficients {c0, c1, c2}, got " + coef.length);
        for (int i = 0; i < 3; i++) if (!Double.isFinite(coef[i])) throw new Unfit("c" + i + " is " + coef[i]);
        double[][] hc = new double[4][];
        for (int i = 0; i < 4; i++) {
            var poly = HermiteUncertainty.hermite(DEGREES[i]);
            hc[i] = new double[13];
            for (int d = 0; d <= 12; d++) hc[i][d] = poly.coefficient(d).doubleValue();
        }
        double at0 = coef[0] * hc[0][0] + coef[1] * hc[1][0] + coef[2] * hc[2][0];
        double c3 = -at0 / hc[3][0];
        double[] p = new double[13];
        double[] k = {coef[0], coef[1], coef[2], c3};
        for (int i = 0; i < 4; i++) for (int d = 0; d <= 12; d++) p[d] += k[i] * hc[i][d];
        double exactRoot = Double.NaN;
        try {
            HermiteUncertainty.Result r = HermiteUncertainty.evaluate(coef[0], coef[1], coef[2]);
            exactRoot = r.root();
            c3 = r.c3();
        } catch (RuntimeException noRoot) {
            // drawn from the sampled polynomial alone
        }
        int lead = 12;
        while (lead > 0 && p[lead] == 0) lead--;
        if (p[lead] < 0) for (int d = 0; d <= 12; d++) p[d] = -p[d];

        // sign changes of P(x) for x > 0 (x² > 0 does not change sign): sampled, then bisected
        double xMax = Double.isFinite(exactRoot) ? Math.max(1.35 * exactRoot, 1) : 6;
        int samples = 4000;
        List<Double> roots = new ArrayList<>();
        double prevX = xMax / samples, prev = eval(p, prevX);
        for (int i = 2; i <= samples * 2; i++) { // search to 2·xMax so a root past the view is not missed
            double x = xMax * i / samples, v = eval(p, x);
            if (prev != 0 && v != 0 && (prev < 0) != (v < 0)) roots.add(bisect(p, prevX, x));
            prevX = x;
            prev = v;
        }
        double r = Double.isFinite(exactRoot) ? exactRoot : roots.isEmpty() ? Double.NaN : roots.get(roots.size() - 1);
        if (Double.isFinite(r)) xMax = Math.max(1.35 * r, 1);

        // f(x) = P(x)·e^(−x²/2), on asinh(f/s): sign-preserving, readable over many orders of magnitude
        int m = COLUMNS;
        double[] fx = new double[m + 1];
        double s = 0;
        for (int i = 0; i <= m; i++) {
            double x = xMax * i / m;
            fx[i] = eval(p, x) * Math.exp(-x * x / 2);
            s = Math.max(s, Math.abs(fx[i]));
        }
        s = s > 0 ? s * 1e-4 : 1;
        double[] y = new double[m + 1];
        for (int i = 0; i <= m; i++) y[i] = asinh(fx[i] / s);
        double top = Canvas.top() + 6, panel = 330;
        Frame.Bounds b = new Frame.Bounds().add(0, 0).add(xMax, 0);
        for (double v : y) b.add(0, v);
        Frame f = Frame.stretch(b.padY(0.06), LEFT, top, PLOT_W, panel);
        c.rect("plot-frame", LEFT, top, PLOT_W, panel, "none", "#d0d7de", 1);
        c.line("zero", LEFT, f.y(0), RIGHT, f.y(0), AXIS, 1);
        c.text("tick", LEFT, top + panel + 14, "0", 10.5, ConstructionSvg.MUTED, "start", false);
        c.text("tick", RIGHT, top + panel + 14, num(xMax), 10.5, ConstructionSvg.MUTED, "end", false);
        c.text("axis-label", (LEFT + RIGHT) / 2, top + panel + 14, "x", 11, ConstructionSvg.MUTED, "middle", false);
        c.text("axis-label", LEFT - 6, f.y(b.y1) + 12, "+", 14, ConstructionSvg.MUTED, "end", true);
        c.text("axis-label", LEFT - 6, f.y(b.y0) - 2, "−", 14, ConstructionSvg.MUTED, "end", true);
        c.text("axis-label", LEFT - 6, (top + f.y(0)) / 2, "log", 10.5, ConstructionSvg.MUTED, "end", false);
        double[] xy = new double[2 * (m + 1)];
        for (int i = 0; i <= m; i++) {
            xy[2 * i] = f.x(xMax * i / m);
            xy[2 * i + 1] = f.y(y[i]);
        }
        c.polyline("polynomial", xy, LINE, 1.8);
        int shown = 0;
        for (double root : roots) {
            if (root > xMax || (Double.isFinite(r) && Math.abs(root - r) <= 1e-9 * r)) continue;
            shown++;
            c.circle("sign-change", f.x(root), f.y(0), 4.5, "#ffffff", LINE, 1.6);
        }
        if (Double.isFinite(r)) {
            c.line("largest-root-level", f.x(r), top, f.x(r), top + panel, MARK, 1, "4 3");
            c.circle("largest-root", f.x(r), f.y(0), 6, MARK, "#ffffff", 1.5);
            c.text("root-label", f.x(r) - 8, top + 16, "r = " + num(r) + ",  r²/2π = " + num(r * r / (2 * Math.PI)), 12.5, MARK, "end", true);
        }
        caption.add("P = c0·H0 + c1·H4 + c2·H8 + c3·H12, c3 = " + num(c3));
        caption.add("drawn: P(x)·e^(−x²/2) on a signed log scale");
        caption.add((shown + (Double.isFinite(r) ? 1 : 0)) + " sign changes of P(x)/x² for x > 0");
        return panel + 30;
    }

    private static double asinh(double v) {
        double a = Math.abs(v);
        return Math.copySign(Math.log(a + Math.sqrt(a * a + 1)), v);
    }

    private static double eval(double[] p, double x) {
        double v = 0;
        for (int d = p.length - 1; d >= 0; d--) v = v * x + p[d];
        return v;
    }

    private static double bisect(double[] p, double a, double b) {
        double fa = eval(p, a);
        for (int i = 0; i < 80; i++) {
            double m = (a + b) / 2, fm = eval(p, m);
            if (fm == 0) return m;
            if ((fm < 0) == (fa < 0)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return (a + b) / 2;
    }
}
