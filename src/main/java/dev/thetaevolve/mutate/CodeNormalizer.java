package dev.thetaevolve.mutate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Normal form of Java source for the lazy check and for the store's normalized-hash column: two programs
 * with the same normal form differ only in comments and layout, so evaluating the second teaches nothing.
 * <p>
 * A small lexer walks the source once and
 * <ul>
 *   <li>drops {@code //} and {@code /* *}{@code /} comments (the EVOLVE-BLOCK marker comments too), but
 *       keeps string, char and text-block literals verbatim, comment-like text inside them included;</li>
 *   <li>turns CRLF and CR into {@code \n}, collapses each run of spaces and tabs outside literals to one
 *       space, trims every line and drops blank lines;</li>
 *   <li>writes a text block on one line with its line breaks as the two characters {@code \n}, so its
 *       content, indentation included, survives the trimming.</li>
 * </ul>
 * Layout that changes tokens is kept apart: {@code a+b} and {@code a + b} have different normal forms
 * (a false "not lazy" costs one evaluation; a false "lazy" would lose a child).
 * Stateless and thread-safe.
 */
public final class CodeNormalizer {

    private CodeNormalizer() {
    }

    /** The normal form of {@code source} (see the class comment). */
    public static String normalize(String source) {
        Objects.requireNonNull(source, "source");
        String s = DiffFormat.normalizeLineEndings(source);
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                // a comment separates tokens like whitespace does; a multi-line one also ends a line
                if (s.substring(i, end).indexOf('\n') >= 0) out.append('\n');
                else space(out);
                i = end;
            } else if (c == '"' && s.startsWith("\"\"\"", i)) {
                i = copyLiteral(s, i, "\"\"\"", out);
            } else if (c == '"' || c == '\'') {
                i = copyLiteral(s, i, String.valueOf(c), out);
            } else if (c == ' ' || c == '\t' || c == '\f') {
                while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) i++;
                space(out);
            } else {
                out.append(c);
                i++;
            }
        }
        StringBuilder result = new StringBuilder(out.length());
        for (String line : out.toString().split("\n")) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            if (result.length() > 0) result.append('\n');
            result.append(t);
        }
        return result.toString();
    }

    private static void space(StringBuilder out) {
        if (out.length() == 0 || out.charAt(out.length() - 1) != ' ') out.append(' ');
    }

    /**
     * Copies the literal opened by {@code quote} at {@code start} (escapes honoured) and returns the index
     * after it. A plain string or char literal also ends at a line break (an unterminated literal does not
     * swallow the rest of the file); a text block's line breaks are written as {@code \n}.
     */
    private static int copyLiteral(String s, int start, String quote, StringBuilder out) {
        boolean textBlock = quote.length() == 3;
        out.append(quote);
        int i = start + quote.length();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                out.append(c).append(s.charAt(i + 1));
                i += 2;
            } else if (s.startsWith(quote, i)) {
                out.append(quote);
                return i + quote.length();
            } else if (c == '\n') {
                if (!textBlock) return i;
                out.append("\\n");
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return i;
    }

    /** SHA-256 of the normal form, as 64 lowercase hex digits: stable across runs, JVMs and machines. */
    public static String hash(String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(normalize(source).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Whether {@code child} equals {@code parent} after normalization: a "lazy" child, not worth evaluating. */
    public static boolean isLazy(String parent, String child) {
        return normalize(parent).equals(normalize(child));
    }
}
