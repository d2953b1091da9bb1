package dev.thetaevolve.problem.geometry;

/**
 * Shape and finiteness checks for constructions given as rows of numbers, plus compensated summation.
 * Checks answer {@code null} when the rows are fine, else a reason a model can act on.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * Checks that {@code rows} holds exactly {@code count} rows of exactly {@code width} finite numbers.
     *
     * @param item   what one row is, singular ("circle", "point")
     * @param layout how one row reads, e.g. "{x, y, r}"
     */
    public static String check(double[][] rows, int count, int width, String item, String layout) {
        if (rows.length != count) return "expected " + count + " " + item + "s (rows " + layout + "), got " + rows.length + " rows";
        for (int i = 0; i < count; i++) {
            String r = checkRow(rows, i, width, layout);
            if (r != null) return r;
        }
        return null;
    }

    /** Checks one row: present, exactly {@code width} numbers, all finite. */
    public static String checkRow(double[][] rows, int i, int width, String layout) {
        double[] row = rows[i];
        if (row == null) return "row " + i + " is null; it must hold exactly " + width + " numbers " + layout;
        if (row.length != width) return "row " + i + " must hold exactly " + width + " numbers " + layout + ", got " + row.length;
        for (int k = 0; k < width; k++) {
            if (!Double.isFinite(row[k])) return "row " + i + " holds a non-finite number at position " + k + ": " + row[k];
        }
        return null;
    }

    /** Neumaier-compensated sum of column {@code col}: independent of order to the last bit in practice. */
    public static double columnSum(double[][] rows, int col) {
        double sum = 0, comp = 0;
        for (double[] row : rows) {
            double v = row[col], t = sum + v;
            comp += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + comp;
    }
}
