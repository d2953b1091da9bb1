package dev.thetaevolve.search;

/** Deep copies of the six construction types (arrays of primitives, one or two levels). */
final class Constructions {

    private Constructions() {
    }

    /** A deep copy of {@code o}, which must be one of the six types with no null row. */
    static Object copy(Object o) {
        if (o instanceof double[] a) return a.clone();
        if (o instanceof int[] a) return a.clone();
        if (o instanceof long[] a) return a.clone();
        if (o instanceof double[][] m) {
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
            return c;
        }
        if (o instanceof int[][] m) {
            int[][] c = new int[m.length][];
            for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
            return c;
        }
        if (o instanceof long[][] m) {
            long[][] c = new long[m.length][];
            for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
            return c;
        }
        throw new IllegalArgumentException("not a construction: " + (o == null ? "null" : o.getClass().getTypeName()));
    }
}
