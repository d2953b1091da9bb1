package dev.thetaevolve.problem;

/** Whether a problem's objective is to be made larger or smaller. */
public enum Direction {
    MAXIMIZE, MINIMIZE;

    /** True when {@code a} is strictly better than {@code b}; NaN is never better. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        if (Double.isNaN(b)) return true;
        return this == MAXIMIZE ? a > b : a < b;
    }

    /** The worst possible value, a neutral start for "best so far". */
    public double worst() {
        return this == MAXIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    public static Direction parse(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("max")) return MAXIMIZE;
        if (t.startsWith("min")) return MINIMIZE;
        throw new IllegalArgumentException("direction must be maximize or minimize, got '" + s + "'");
    }

    public String word() {
        return this == MAXIMIZE ? "maximize" : "minimize";
    }
}
