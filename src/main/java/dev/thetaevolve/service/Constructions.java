package dev.thetaevolve.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a construction on a leaderboard: the SHA-256 of its normalized JSON. Normalized means
 * what a verifier cannot tell apart is equal: object keys sorted, no whitespace, and every number by its
 * value ({@code 1}, {@code 1.0} and {@code 1e0} alike; {@code 0.5} and {@code 5e-1} alike); integers
 * beyond 2^53 keep every digit.
 */
public final class Constructions {
    private static final double EXACT = 0x1p53;

    private Constructions() {
    }

    /** Hex SHA-256 of the normalized form of JSON-decoded {@code data} (Maps, Lists, Numbers, Strings, Booleans). */
    public static String hash(Object data) {
        StringBuilder b = new StringBuilder();
        normalize(data, b);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalized(Object data) {
        StringBuilder b = new StringBuilder();
        normalize(data, b);
        return b.toString();
    }

    private static void normalize(Object o, StringBuilder b) {
        if (o == null) {
            b.append("null");
        } else if (o instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) b.append(',');
                first = false;
                string(e.getKey(), b);
                b.append(':');
                normalize(e.getValue(), b);
            }
            b.append('}');
        } else if (o instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) b.append(',');
                normalize(l.get(i), b);
            }
            b.append(']');
        } else if (o instanceof double[] a) {
            b.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) b.append(',');
                number(a[i], b);
            }
            b.append(']');
        } else if (o instanceof Object[] a) {
            normalize(List.of(a), b);
        } else if (o instanceof BigInteger || o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            b.append(o);
        } else if (o instanceof BigDecimal d) {
            if (d.signum() == 0) b.append('0');
            else if (d.stripTrailingZeros().scale() <= 0) b.append(d.toBigIntegerExact());
            else number(d.doubleValue(), b);
        } else if (o instanceof Number n) {
            number(n.doubleValue(), b);
        } else if (o instanceof Boolean) {
            b.append(o);
        } else {
            string(o.toString(), b);
        }
    }

    private static void number(double d, StringBuilder b) {
        if (d == Math.rint(d) && Math.abs(d) <= EXACT) b.append((long) d); // -0.0 too: it is 0
        else b.append(d);
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        b.append('"');
    }
}
