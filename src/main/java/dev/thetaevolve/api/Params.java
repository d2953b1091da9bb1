package dev.thetaevolve.api;

/**
 * Path and query parameters parsed here rather than by JAX-RS, whose failed conversion is a bare 404:
 * a malformed number is the client's mistake, answered 400 with the parameter named.
 */
final class Params {
    private Params() {
    }

    /**
     * @throws IllegalArgumentException (400) naming the parameter when {@code value} is not an integer in [min, max]
     */
    static int integer(String name, String value, int min, int max) {
        long v = number(name, value);
        if (v < min || v > max) throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got '" + value + "'");
        return (int) v;
    }

    /** An id: a positive whole number. */
    static long id(String name, String value) {
        long v = number(name, value);
        if (v < 1) throw new IllegalArgumentException(name + " must be a positive whole number, got '" + value + "'");
        return v;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
