package dev.thetaevolve.render;

import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.render.ConstructionSvg.Unfit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static dev.thetaevolve.render.Canvas.MARGIN;
import static dev.thetaevolve.render.Canvas.W;
import static dev.thetaevolve.render.Canvas.num;

/** Integer constructions: kissing vectors (Gram heat map), a set's indicator, a ±1 matrix; and generic matrices. */
final class Matrices {
    private static final double BOX = W - 2 * MARGIN;
    /** Largest raster side: bigger matrices are reduced block by block. */
    private static final int MAX_PIXELS = 600;
    /** Sets with more elements than this are drawn as densities instead of one mark per element. */
    private static final int MAX_MARKS = 5000;
    /** Pairs with |xi − xj|² within this fraction above max|x|² count as touching (contacts of the spheres). */
    static final double TOUCHING = 1e-3;
    private static final String TOUCH = "#67001f", TOO_CLOSE = "#00a000", DIAGONAL = "#24292f";

    private Matrices() {
    }

    // ---- kissing configurations ------------------------------------------------------------------------

    /**
     * The Gram matrix of the kissing vectors: cell (i, j) is the cosine of the angle between x_i and x_j,
     * blue (−1) through white (0) to red (+1); pairs within {@link #TOUCHING} of the critical distance
     * |x_i − x_j|² = max|x|² (touching spheres) are dark, pairs closer than it (overlapping spheres, checked
     * exactly) green. One pixel
     * per pair, as a PNG inside the SVG.
     */
    static double kissing(Canvas c, long[][] x, List<String> caption) {
        int n = x.length;
        if (n == 0) throw new Unfit("no vectors");
        if (n > 5000) throw new Unfit(n + " vectors is too many to draw (at most 5000)");
        int dim = x[0] == null ? 0 : x[0].length;
        for (int i = 0; i < n; i++) {
            if (x[i] == null || x[i].length != dim || dim == 0) throw new Unfit("vector " + i + " does not have " + (dim == 0 ? "any" : String.valueOf(dim)) + " coordinates");
        }
        double[] norm = new double[n];
        BigInteger[] sq = new BigInteger[n];
        BigInteger maxSq = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger s = BigInteger.ZERO;
            for (long v : x[i]) s = s.add(BigInteger.valueOf(v).multiply(BigInteger.valueOf(v)));
            sq[i] = s;
            norm[i] = Math.sqrt(s.doubleValue());
            if (s.compareTo(maxSq) > 0) maxSq = s;
        }
        double maxD = maxSq.doubleValue();
        int px = Math.min(n, MAX_PIXELS);
        // per block: the largest off-diagonal cosine, and the worst pair state (2 too close, 1 touching)
        double[][] cos = new double[px][px];
        byte[][] state = new byte[px][px];
        for (double[] row : cos) Arrays.fill(row, Double.NEGATIVE_INFINITY);
        long touching = 0, tooClose = 0;
        for (int i = 0; i < n; i++) {
            int bi = (int) ((long) i * px / n);
            for (int j = i + 1; j < n; j++) {
                int bj = (int) ((long) j * px / n);
                double dot = 0, d2 = 0;
                for (int k = 0; k < dim; k++) {
                    dot += (double) x[i][k] * (double) x[j][k];
                    double d = (double) x[i][k] - (double) x[j][k];
                    d2 += d * d;
                }
                double cs = norm[i] > 0 && norm[j] > 0 ? dot / (norm[i] * norm[j]) : 0;
                int cmp = Math.abs(d2 - maxD) <= 1e-9 * maxD ? exactDistance(x[i], x[j]).compareTo(maxSq) : Double.compare(d2, maxD);
                byte s = (byte) (cmp < 0 ? 2 : d2 <= maxD * (1 + TOUCHING) ? 1 : 0);
                if (s == 2) tooClose++;
                if (s == 1) touching++;
                for (int[] cell : new int[][]{{bi, bj}, {bj, bi}}) {
                    cos[cell[0]][cell[1]] = Math.max(cos[cell[0]][cell[1]], cs);
                    state[cell[0]][cell[1]] = (byte) Math.max(state[cell[0]][cell[1]], s);
                }
            }
        }
        BufferedImage img = new BufferedImage(px, px, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < px; i++) {
            for (int j = 0; j < px; j++) {
                String color;
                if (state[i][j] == 2) color = TOO_CLOSE;
                else if (state[i][j] == 1) color = TOUCH;
                else if (cos[i][j] == Double.NEGATIVE_INFINITY) color = DIAGONAL; // a block holding only i = j
                else color = diverging(cos[i][j]);
                img.setRGB(j, i, Integer.parseInt(color.substring(1), 16));
            }
        }
        double side = 520, left = (W - side) / 2, top = Canvas.top() + 4;
        c.image("gram", left, top, side, side, px, px, png(img));
        c.rect("frame", left, top, side, side, "none", "#8c959f", 1);
        double ly = top + side + 14;
        legend(c, left, ly, side, "cos −1", "0", "+1");
        c.rect("legend-touch", left, ly + 30, 12, 12, TOUCH, null, 0);
        c.text("legend-text", left + 16, ly + 40, "touching: |xi − xj|² ≤ (1 + " + num(TOUCHING) + ")·max|x|²", 11.5, ConstructionSvg.MUTED, "start", false);
        c.rect("legend-close", left + side / 2 + 20, ly + 30, 12, 12, TOO_CLOSE, null, 0);
        c.text("legend-text", left + side / 2 + 36, ly + 40, "too close (overlap)", 11.5, ConstructionSvg.MUTED, "start", false);
        caption.add(n + " vectors in Z^" + dim);
        caption.add("Gram matrix of cosines" + (px < n ? " (max per " + num((double) n / px) + "² block)" : ""));
        caption.add(touching + " touching pairs, " + tooClose + " too close");
        return side + 4 + 14 + 46;
    }

    private static BigInteger exactDistance(long[] a, long[] b) {
        BigInteger s = BigInteger.ZERO;
        for (int k = 0; k < a.length; k++) {
            BigInteger d = BigInteger.valueOf(a[k]).subtract(BigInteger.valueOf(b[k]));
            s = s.add(d.multiply(d));
        }
        return s;
    }

    /** −1 blue, 0 white, +1 red. */
    static String diverging(double t) {
        if (!(t == t)) return "#ffffff";
        t = Math.max(-1, Math.min(1, t));
        return t < 0 ? Canvas.mix("#f7f7f7", "#2166ac", -t) : Canvas.mix("#f7f7f7", "#b2182b", t);
    }

    private static void legend(Canvas c, double left, double top, double width, String lo, String mid, String hi) {
        int steps = 40;
        for (int i = 0; i < steps; i++) {
            double t = -1 + 2.0 * (i + 0.5) / steps;
            c.rect("legend", left + width * i / steps, top, width / steps + 0.3, 10, diverging(t), null, 0);
        }
        c.text("legend-text", left, top + 23, lo, 11, ConstructionSvg.MUTED, "start", false);
        c.text("legend-text", left + width / 2, top + 23, mid, 11, ConstructionSvg.MUTED, "middle", false);
        c.text("legend-text", left + width, top + 23, hi, 11, ConstructionSvg.MUTED, "end", false);
    }

    static String png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) throw new IllegalStateException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    // ---- a set of integers --------------------------------------------------------------------------------

    /**
     * The set's indicator over [min, max], wrapped into rows like lines of text: one mark per element (a
     * mark is at least a hairline wide, however many integers a pixel holds), or, for very large sets, the
     * number of elements per pixel as shade.
     */
    static double set(Canvas c, int[] u, Verification v, List<String> caption) {
        if (u.length == 0) throw new Unfit("the set is empty");
        int[] s = u.clone();
        Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) if (m == 0 || s[i] != s[m - 1]) s[m++] = s[i];
        s = Arrays.copyOf(s, m);
        long lo = s[0], span = (long) s[m - 1] - lo + 1;
        double labelW = 62, left = MARGIN + labelW, width = BOX - labelW;
        int rows = span <= width ? 1 : (int) Math.min(40, (span + (long) width - 1) / (long) width);
        long perRow = (span + rows - 1) / rows;
        double rowH = Math.min(28, 520.0 / rows), top = Canvas.top() + 4;
        double cell = width / perRow;
        for (int r = 0; r < rows; r++) {
            double y = top + r * rowH;
            c.rect("row", left, y, width, rowH - 2, "#f6f8fa", null, 0);
            if (rows <= 12 || r % 5 == 0) c.text("row-label", left - 5, y + Math.min(rowH - 3, 11), num(lo + r * perRow), 10, ConstructionSvg.MUTED, "end", false);
        }
        if (m <= MAX_MARKS) {
            double w = Math.max(cell, 0.8);
            for (int e : s) {
                long off = e - lo;
                int r = (int) (off / perRow);
                c.rect("element", left + (off % perRow) * cell, top + r * rowH, w, rowH - 2, "#0550ae", null, 0);
            }
        } else {
            int cols = (int) Math.min(perRow, (long) width);
            int[][] count = new int[rows][cols];
            int most = 0;
            for (int e : s) {
                long off = e - lo;
                int r = (int) (off / perRow), col = (int) ((off % perRow) * cols / perRow);
                most = Math.max(most, ++count[r][col]);
            }
            for (int r = 0; r < rows; r++) {
                for (int col = 0; col < cols; col++) {
                    if (count[r][col] == 0) continue;
                    double t = 0.25 + 0.75 * count[r][col] / most;
                    c.rect("bin", left + col * width / cols, top + r * rowH, width / cols, rowH - 2, Canvas.mix("#f6f8fa", "#0550ae", t), null, 0);
                }
            }
        }
        caption.add("|U| = " + m + (m < u.length ? " (" + (u.length - m) + " repeats)" : "") + " in [" + lo + ", " + s[m - 1] + "]");
        caption.add(rows + " rows of " + perRow + " integers" + (m > MAX_MARKS ? ", shade = elements per pixel" : ", one mark per element"));
        Double minus = v.metrics().get("size_u_minus_u"), plus = v.metrics().get("size_u_plus_u");
        if (minus != null && plus != null) caption.add("|U−U| = " + num(minus) + ", |U+U| = " + num(plus));
        return rows * rowH + 6;
    }

    // ---- a ±1 matrix ------------------------------------------------------------------------------------------

    /**
     * Left: the matrix, +1 dark and −1 light (anything else red). Right: |H·Hᵀ| off the diagonal, white
     * where two rows are orthogonal, darker the further from orthogonal.
     */
    static double plusMinusOne(Canvas c, int[][] a, Verification v, List<String> caption) {
        int n = a.length;
        if (n == 0) throw new Unfit("no rows");
        int cols = a[0] == null ? 0 : a[0].length;
        for (int i = 0; i < n; i++) if (a[i] == null || a[i].length != cols || cols == 0) throw new Unfit("row " + i + " does not have " + cols + " entries");
        if (n > 100 || cols > 100) throw new Unfit(n + "×" + cols + " is too large to draw cell by cell (at most 100×100)");
        double gap = 24, side = (BOX - gap) / 2, top = Canvas.top() + 22;
        double cell = Math.min(side / cols, side / n);
        double left2 = MARGIN + side + gap;
        c.text("panel-title", MARGIN, top - 8, "H: +1 dark, −1 light", 12, ConstructionSvg.MUTED, "start", false);
        c.text("panel-title", left2, top - 8, "|H·Hᵀ| off the diagonal (white = orthogonal rows)", 12, ConstructionSvg.MUTED, "start", false);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols; j++) {
                int e = a[i][j];
                String fill = e == 1 ? "#24292f" : e == -1 ? "#eaeef2" : "#cf222e";
                if (e != 1 && e != -1) bad++;
                c.rect("cell", MARGIN + j * cell, top + i * cell, cell, cell, fill, "#ffffff", 0.3);
            }
        }
        long worst = 0;
        long[][] g = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long s = 0;
                for (int k = 0; k < cols; k++) s += (long) a[i][k] * a[j][k];
                g[i][j] = s;
                if (i != j) worst = Math.max(worst, Math.abs(s));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                String fill = i == j ? "#d0d7de" : Canvas.mix("#ffffff", "#bc4c00", worst == 0 ? 0 : (double) Math.abs(g[i][j]) / worst);
                c.rect("gram-cell", left2 + j * cell, top + i * cell, cell, cell, fill, "#ffffff", 0.3);
            }
        }
        caption.add(n + "×" + cols + " matrix");
        if (bad > 0) caption.add(bad + " entries are not ±1 (red)");
        caption.add("largest |row · row| off the diagonal " + worst);
        Double ratio = v.metrics().get("ratio");
        if (ratio != null) caption.add("|det| ÷ bound = " + num(ratio));
        return 22 + Math.max(n, cols) * cell + 6;
    }

    // ---- anything else: points or a heat map ---------------------------------------------------------------

    /** Rows of 2 or 3 numbers as points (the first two coordinates); other matrices as a heat map of values. */
    static double values(Canvas c, double[][] m, List<String> caption) {
        int n = m.length;
        if (n == 0) throw new Unfit("no rows");
        int cols = 0;
        boolean points = true;
        for (int i = 0; i < n; i++) {
            if (m[i] == null) throw new Unfit("row " + i + " is missing");
            cols = Math.max(cols, m[i].length);
            if (m[i].length != 2 && m[i].length != 3) points = false;
        }
        if (cols == 0) throw new Unfit("every row is empty");
        if (points) {
            Frame.Bounds b = new Frame.Bounds();
            for (double[] q : m) b.add(q[0], q[1]);
            Frame f = Frame.fit(b.pad(0.04), MARGIN, Canvas.top(), BOX, 540);
            c.rect("plot-frame", MARGIN, Canvas.top(), BOX, f.height, "none", "#d0d7de", 1);
            for (double[] q : m) c.circle("point", f.x(q[0]), f.y(q[1]), 4, "#24292f", "#ffffff", 1);
            caption.add(n + " rows drawn as points (first two numbers)");
            return f.height;
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : m) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double scale = Math.max(Math.abs(lo), Math.abs(hi));
        double side = 520, cell = Math.min(side / cols, side / n), left = (W - cols * cell) / 2, top = Canvas.top() + 4;
        if ((long) n * cols <= 4096) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m[i].length; j++) {
                    double v = m[i][j];
                    String fill = Double.isFinite(v) ? diverging(scale > 0 ? v / scale : 0) : "#00a000";
                    c.rect("cell", left + j * cell, top + i * cell, cell, cell, fill, null, 0);
                }
            }
        } else {
            int pw = Math.min(cols, MAX_PIXELS), ph = Math.min(n, MAX_PIXELS);
            double[][] sum = new double[ph][pw];
            int[][] cnt = new int[ph][pw];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m[i].length; j++) {
                    if (!Double.isFinite(m[i][j])) continue;
                    int r = (int) ((long) i * ph / n), col = (int) ((long) j * pw / cols);
                    sum[r][col] += m[i][j];
                    cnt[r][col]++;
                }
            }
            BufferedImage img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
            for (int r = 0; r < ph; r++) {
                for (int col = 0; col < pw; col++) {
                    String fill = cnt[r][col] == 0 ? "#ffffff" : diverging(scale > 0 ? sum[r][col] / cnt[r][col] / scale : 0);
                    img.setRGB(col, r, Integer.parseInt(fill.substring(1), 16));
                }
            }
            c.image("heatmap", left, top, cols * cell, n * cell, pw, ph, png(img));
        }
        legend(c, MARGIN + 60, top + n * cell + 12, BOX - 120, num(-scale), "0", num(scale));
        caption.add(n + "×" + cols + " values, blue negative, red positive");
        return n * cell + 4 + 12 + 28;
    }
}
