package dev.thetaevolve.evaluate;

/**
 * Bounds on every text a worker produces from candidate input (compile errors, scan violations, exception
 * messages, stack frames): cut where it is made, with the cut marked, so no verdict or frame grows with
 * what a candidate writes.
 */
final class Messages {

    private Messages() {
    }

    /** One compile error, exception message or symbol name. */
    static final int PART = 1_000;
    /** A whole verdict message. */
    static final int WHOLE = 4_000;

    /** {@code s} when at most {@code max} characters, else its head and a marker saying how much was cut. */
    static String cap(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int keep = Math.max(0, max - 40);
        if (keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1))) keep--;
        return s.substring(0, keep) + " …[cut: " + (s.length() - keep) + " more characters]";
    }
}
