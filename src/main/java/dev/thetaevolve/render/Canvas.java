package dev.thetaevolve.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SVG text under construction: a fixed width, a header band for the problem, score and validity, then the
 * drawing. Shapes whose coordinates are not finite are dropped (a malformed construction never yields
 * "NaN" in the document), and every shape carries a {@code class} naming what it shows, so tests and the
 * web page can count them.
 */
final class Canvas {
    /** Width of every drawing, in SVG user units; the height depends on the family. */
    static final int W = 640;
    /** Height of the header band (title, score, validity, caption). */
    static final int HEADER = 110;
    static final int MARGIN = 16;

    /** One element's markup and its extent, for clipping to the view box. */
    private record Shape(String svg, double x0, double y0, double x1, double y1) {
    }

    private final List<Shape> body = new ArrayList<>();
    private int dropped;

    private void add(String svg, double x0, double y0, double x1, double y1) {
        body.add(new Shape(svg, Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)));
    }

    /** Top of the drawing area, below the header. */
    static double top() {
        return HEADER;
    }

    // ---- shapes -------------------------------------------------------------------------------------

    void circle(String cls, double cx, double cy, double r, String fill, String stroke, double strokeWidth) {
        if (!finite(cx, cy, r) || r < 0) {
            dropped++;
            return;
        }
        add(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%.2f\"/>%n",
                cls, cx, cy, r, fill, stroke, strokeWidth), cx - r, cy - r, cx + r, cy + r);
    }

    void line(String cls, double x1, double y1, double x2, double y2, String stroke, double width) {
        line(cls, x1, y1, x2, y2, stroke, width, null);
    }

    void line(String cls, double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        if (!finite(x1, y1, x2, y2)) {
            dropped++;
            return;
        }
        add(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"%s/>%n",
                cls, x1, y1, x2, y2, stroke, width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""), x1, y1, x2, y2);
    }

    void rect(String cls, double x, double y, double w, double h, String fill, String stroke, double strokeWidth) {
        if (!finite(x, y, w, h) || w < 0 || h < 0) {
            dropped++;
            return;
        }
        add(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"%s/>%n",
                cls, x, y, w, h, fill, stroke == null ? "" : String.format(Locale.ROOT, " stroke=\"%s\" stroke-width=\"%.2f\"", stroke, strokeWidth)), x, y, x + w, y + h);
    }

    /** A closed polygon through {x0, y0, x1, y1, …}. */
    void polygon(String cls, double[] xy, String fill, String stroke, double strokeWidth, double fillOpacity) {
        String pts = points(xy);
        if (pts == null) {
            dropped++;
            return;
        }
        double[] e = extent(xy);
        addPoly(String.format(Locale.ROOT, "<polygon class=\"%s\" points=\"%s\" fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\" stroke-linejoin=\"round\"/>%n",
                cls, pts, fill, fillOpacity, stroke, strokeWidth), e);
    }

    /** An open line through {x0, y0, x1, y1, …}. */
    void polyline(String cls, double[] xy, String stroke, double width) {
        String pts = points(xy);
        if (pts == null) {
            dropped++;
            return;
        }
        double[] e = extent(xy);
        addPoly(String.format(Locale.ROOT, "<polyline class=\"%s\" points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\" stroke-linejoin=\"round\"/>%n",
                cls, pts, stroke, width), e);
    }

    /** Text; {@code anchor} is start, middle or end. */
    void text(String cls, double x, double y, String text, double size, String fill, String anchor, boolean bold) {
        if (!finite(x, y)) {
            dropped++;
            return;
        }
        add(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" fill=\"%s\" text-anchor=\"%s\"%s>%s</text>%n",
                cls, x, y, size, fill, anchor, bold ? " font-weight=\"bold\"" : "", escape(text)), x, y, x, y);
    }

    /** A raster (PNG bytes, base64) drawn into the box, pixels kept sharp. */
    void image(String cls, double x, double y, double w, double h, int pixelsWide, int pixelsHigh, String pngBase64) {
        add(String.format(Locale.ROOT, "<image class=\"%s\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" data-pixels=\"%dx%d\" "
                        + "preserveAspectRatio=\"none\" image-rendering=\"pixelated\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,%s\"/>%n",
                cls, x, y, w, h, pixelsWide, pixelsHigh, pngBase64), x, y, x + w, y + h);
    }

    private void addPoly(String svg, double[] e) {
        add(svg, e[0], e[1], e[2], e[3]);
    }

    private static double[] extent(double[] xy) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            x0 = Math.min(x0, xy[i]);
            x1 = Math.max(x1, xy[i]);
            y0 = Math.min(y0, xy[i + 1]);
            y1 = Math.max(y1, xy[i + 1]);
        }
        return new double[]{x0, y0, x1, y1};
    }

    /**
     * Drops the shapes that reach outside the document of this drawing height (only absurd inputs make
     * any: coordinates near the double range); returns how many shapes were dropped in all, including those
     * with non-finite coordinates.
     */
    int clip(double height) {
        double bottom = Math.ceil(HEADER + height + (height > 0 ? MARGIN : 0)), tol = 1;
        int before = body.size();
        body.removeIf(s -> !(s.x0 >= -tol && s.y0 >= -tol && s.x1 <= W + tol && s.y1 <= bottom + tol));
        dropped += before - body.size();
        return dropped;
    }

    // ---- the document ---------------------------------------------------------------------------------

    /**
     * The standalone document: header lines over the drawing.
     *
     * @param height  height of the drawing area (0 for a header-only drawing)
     * @param title   accessible title (problem, score, validity)
     * @param header  the header, drawn by the caller into its own canvas
     */
    String document(double height, String title, Canvas header) {
        int h = (int) Math.ceil(HEADER + height + (height > 0 ? MARGIN : 0));
        StringBuilder out = new StringBuilder(64 * (body.size() + header.body.size()) + 512);
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"construction\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">%n", W, h, W, h));
        out.append("<title>").append(escape(title)).append("</title>\n");
        out.append(String.format(Locale.ROOT, "<rect class=\"background\" x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", W, h));
        for (Shape s : header.body) out.append(s.svg);
        for (Shape s : body) out.append(s.svg);
        return out.append("</svg>\n").toString();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static boolean finite(double... v) {
        for (double d : v) if (!Double.isFinite(d)) return false;
        return true;
    }

    private static String points(double[] xy) {
        if (xy.length < 4) return null;
        StringBuilder b = new StringBuilder(xy.length * 8);
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (!finite(xy[i], xy[i + 1])) return null;
            if (i > 0) b.append(' ');
            b.append(String.format(Locale.ROOT, "%.2f,%.2f", xy[i], xy[i + 1]));
        }
        return b.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters; a reason quoting raw input may hold them
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') b.append('?');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** Linear interpolation between two #rrggbb colours, t in [0, 1]. */
    static String mix(String from, String to, double t) {
        if (!(t >= 0)) t = 0;
        if (t > 1) t = 1;
        int a = Integer.parseInt(from.substring(1), 16), b = Integer.parseInt(to.substring(1), 16);
        int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    /** A short, readable number: 6 significant digits. */
    static String num(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e), exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        if (!exponent.isEmpty()) exponent = "e" + Integer.parseInt(exponent.substring(1).replace("+", ""));
        return mantissa + exponent;
    }
}
