package dev.thetaevolve.render;

/**
 * Maps data coordinates into a pixel box. {@link #fit} keeps the aspect ratio (geometry: a circle stays a
 * circle) and centres the data horizontally; {@link #stretch} scales x and y independently (plots). The
 * y axis points up in data and down in SVG.
 */
final class Frame {
    private final double x0, y0, sx, sy, left, bottom;
    /** The pixel box actually used: its top and height. */
    final double top, height;

    private Frame(double x0, double y0, double sx, double sy, double left, double top, double height) {
        this.x0 = x0;
        this.y0 = y0;
        this.sx = sx;
        this.sy = sy;
        this.left = left;
        this.top = top;
        this.height = height;
        this.bottom = top + height;
    }

    /**
     * Fits the data box [x0, x1] × [y0, y1] into a box {@code width} wide and at most {@code maxHeight}
     * high at ({@code left}, {@code top}), keeping the aspect ratio; the height used shrinks to the data's.
     */
    static Frame fit(Bounds b, double left, double top, double width, double maxHeight) {
        double dx = b.width(), dy = b.height();
        double s = Math.min(width / dx, maxHeight / dy);
        double usedW = dx * s, usedH = dy * s;
        return new Frame(b.x0, b.y0, s, s, left + (width - usedW) / 2, top, usedH);
    }

    /** Maps [x0, x1] × [y0, y1] onto the whole box, each axis on its own scale. */
    static Frame stretch(Bounds b, double left, double top, double width, double height) {
        return new Frame(b.x0, b.y0, width / b.width(), height / b.height(), left, top, height);
    }

    double x(double v) {
        return left + (v - x0) * sx;
    }

    double y(double v) {
        return bottom - (v - y0) * sy;
    }

    /** A length along x, in pixels (for radii in {@link #fit} frames). */
    double len(double d) {
        return d * sx;
    }

    /**
     * A data box grown to include points; non-finite values are ignored. An empty or degenerate box is
     * widened so that mapping into it never divides by zero.
     */
    static final class Bounds {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;

        Bounds add(double x, double y) {
            if (!Double.isFinite(x) || !Double.isFinite(y)) return this;
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
            return this;
        }

        boolean empty() {
            return x0 > x1;
        }

        /** Grows each side by {@code fraction} of the larger extent (room for strokes and markers). */
        Bounds pad(double fraction) {
            settle();
            double p = Math.max(width(), height()) * fraction;
            x0 -= p;
            x1 += p;
            y0 -= p;
            y1 += p;
            return this;
        }

        /** Grows y by {@code fraction} of its own extent, for plots. */
        Bounds padY(double fraction) {
            settle();
            double p = height() * fraction;
            y0 -= p;
            y1 += p;
            return this;
        }

        private void settle() {
            if (empty()) {
                x0 = 0;
                x1 = 1;
                y0 = 0;
                y1 = 1;
            }
            if (!(x1 - x0 > 0) || !Double.isFinite(x1 - x0)) widen(true);
            if (!(y1 - y0 > 0) || !Double.isFinite(y1 - y0)) widen(false);
        }

        private void widen(boolean x) {
            double lo = x ? x0 : y0, hi = x ? x1 : y1;
            if (!Double.isFinite(hi - lo)) { // extents beyond the double range: clamp to something drawable
                lo = Math.max(lo, -1e300);
                hi = Math.min(hi, 1e300);
            }
            if (!(hi > lo)) {
                double m = Math.abs(lo);
                double d = m > 1e-290 ? m * 1e-6 : 1;
                lo -= d;
                hi += d;
            }
            if (x) {
                x0 = lo;
                x1 = hi;
            } else {
                y0 = lo;
                y1 = hi;
            }
        }

        double width() {
            settle0();
            return x1 - x0;
        }

        double height() {
            settle0();
            return y1 - y0;
        }

        private void settle0() {
            if (empty() || !(x1 - x0 > 0) || !(y1 - y0 > 0) || !Double.isFinite(x1 - x0) || !Double.isFinite(y1 - y0)) settle();
        }
    }
}
