package dev.thetaevolve.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The Java type a candidate's {@code solve()} returns, and the generic conversion of a JSON-decoded
 * construction (Lists of Numbers, as Jackson decodes them) into that type.
 */
public enum ReturnType {
    DOUBLE_MATRIX("double[][]"),
    DOUBLE_VECTOR("double[]"),
    LONG_MATRIX("long[][]"),
    INT_MATRIX("int[][]"),
    INT_VECTOR("int[]"),
    LONG_VECTOR("long[]");

    private final String javaName;

    ReturnType(String javaName) {
        this.javaName = javaName;
    }

    /** The Java source spelling, e.g. {@code double[][]}. */
    public String javaName() {
        return javaName;
    }

    public static ReturnType parse(String s) {
        for (ReturnType t : values()) {
            if (t.javaName.equals(s.trim()) || t.name().equalsIgnoreCase(s.trim())) return t;
        }
        throw new IllegalArgumentException("unknown return type '" + s + "' (expected one of double[][], double[], long[][], int[][], int[], long[])");
    }

    /** True when {@code value} is an instance of this Java type (null is not). */
    public boolean accepts(Object value) {
        return switch (this) {
            case DOUBLE_MATRIX -> value instanceof double[][];
            case DOUBLE_VECTOR -> value instanceof double[];
            case LONG_MATRIX -> value instanceof long[][];
            case INT_MATRIX -> value instanceof int[][];
            case INT_VECTOR -> value instanceof int[];
            case LONG_VECTOR -> value instanceof long[];
        };
    }

    /**
     * Converts a JSON-decoded value (nested {@link List}s of {@link Number}s) to this type.
     *
     * @throws IllegalArgumentException naming the first element that does not fit
     */
    public Object fromJson(Object json) {
        return switch (this) {
            case DOUBLE_MATRIX -> {
                List<?> rows = list(json, "data");
                double[][] out = new double[rows.size()][];
                for (int i = 0; i < out.length; i++) out[i] = doubles(rows.get(i), "data[" + i + "]");
                yield out;
            }
            case DOUBLE_VECTOR -> doubles(json, "data");
            case LONG_MATRIX -> {
                List<?> rows = list(json, "data");
                long[][] out = new long[rows.size()][];
                for (int i = 0; i < out.length; i++) out[i] = longs(rows.get(i), "data[" + i + "]");
                yield out;
            }
            case INT_MATRIX -> {
                List<?> rows = list(json, "data");
                int[][] out = new int[rows.size()][];
                for (int i = 0; i < out.length; i++) out[i] = ints(rows.get(i), "data[" + i + "]");
                yield out;
            }
            case INT_VECTOR -> ints(json, "data");
            case LONG_VECTOR -> longs(json, "data");
        };
    }

    private static List<?> list(Object json, String where) {
        if (json instanceof List<?> l) return l;
        throw new IllegalArgumentException(where + " must be a JSON array, got " + describe(json));
    }

    private static double[] doubles(Object json, String where) {
        List<?> l = list(json, where);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = l.get(i);
            if (!(o instanceof Number n)) throw new IllegalArgumentException(where + "[" + i + "] must be a number, got " + describe(o));
            out[i] = n.doubleValue();
        }
        return out;
    }

    private static long[] longs(Object json, String where) {
        List<?> l = list(json, where);
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = exactLong(l.get(i), where + "[" + i + "]");
        return out;
    }

    private static int[] ints(Object json, String where) {
        List<?> l = list(json, where);
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            long v = exactLong(l.get(i), where + "[" + i + "]");
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new IllegalArgumentException(where + "[" + i + "] does not fit an int: " + v);
            out[i] = (int) v;
        }
        return out;
    }

    private static long exactLong(Object o, String where) {
        try {
            if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) return ((Number) o).longValue();
            if (o instanceof BigInteger b) return b.longValueExact();
            if (o instanceof BigDecimal d) return d.longValueExact();
            if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) return d.longValue();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(where + " is not an integer that fits a long: " + o);
        }
        throw new IllegalArgumentException(where + " must be an integer, got " + describe(o));
    }

    private static String describe(Object o) {
        if (o == null) return "null";
        if (o instanceof List<?> l) return "an array of " + l.size();
        if (o instanceof java.util.Map<?, ?>) return "an object";
        return "'" + o + "'";
    }
}
