package dev.thetaevolve.render;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.Verification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a construction as a standalone SVG document, one kind of picture per problem family: circles in a
 * square or rectangle (shaded by radius, contacts as lines), hexagons in a hexagon, point sets with the
 * smallest triangle or the extreme pairs, step functions with the autoconvolution or correlation the bound
 * is about, the Hermite polynomial with its sign changes, the kissing vectors' Gram matrix, the
 * sums-and-differences set's indicator, and the ±1 matrix. A problem outside these families (a user's) is
 * drawn from its return type: values, points or a heat map.
 *
 * <p>Every drawing carries the problem id, the strict score at full precision and whether the
 * construction is strictly valid (it is re-verified here at tolerance 0). A malformed construction (wrong
 * shape, NaN, not the return type) still yields a drawing: one that says it is invalid and why. Drawing
 * never throws for bad data. Stateless and thread-safe; plain Java, used by the REST API and the CLI.
 */
public final class ConstructionSvg {

    /** The MIME type of the documents. */
    public static final String MEDIA_TYPE = "image/svg+xml";

    private ConstructionSvg() {
    }

    /**
     * Verifies {@code json} strictly and draws it.
     *
     * @param json the construction as decoded JSON: the {@code data} of a reference file, or a program's
     *             raw output (nested Lists of Numbers, or the hexagon object layout)
     */
    public static String draw(Problem problem, Object json) {
        Verification v = problem.verifyJson(json, 0);
        Object data;
        try {
            data = problem.verifier().fromJson(json, problem.spec().returnType());
        } catch (RuntimeException e) {
            return headerOnly(problem.id(), v, null);
        }
        if (data == null || !problem.spec().returnType().accepts(data)) return headerOnly(problem.id(), v, null);
        return drawOutput(problem.spec(), data, v);
    }

    /**
     * Draws a raw output of the problem's return type with a verdict already reached (strict, tolerance 0).
     */
    public static String drawOutput(ProblemSpec spec, Object data, Verification strict) {
        Canvas c = new Canvas();
        List<String> caption = new ArrayList<>();
        double height;
        try {
            height = Family.of(spec.id()).draw(c, spec.returnType(), data, strict, caption);
        } catch (Unfit e) {
            return headerOnly(spec.id(), strict, "cannot draw it: " + e.getMessage());
        } catch (RuntimeException e) {
            // a bug in a drawer must not take the page down; say what happened instead of drawing
            return headerOnly(spec.id(), strict, "cannot draw it: " + e);
        }
        int dropped = c.clip(height);
        if (dropped > 0) caption.add(dropped + " shapes with non-finite or far-off coordinates left out");
        return c.document(height, title(spec.id(), strict), header(spec.id(), strict, String.join(" · ", caption)));
    }

    /**
     * A drawing of something that is not a construction at all (unreadable JSON, no {@code data}): the
     * problem, "invalid" and the reason.
     */
    public static String unreadable(String problemId, String reason) {
        Verification v = Verification.invalid(reason);
        return headerOnly(problemId, v, null);
    }

    private static String headerOnly(String id, Verification v, String note) {
        return new Canvas().document(0, title(id, v), header(id, v, note == null ? "nothing to draw" : note));
    }

    // ---- the header: problem, score, validity, caption ---------------------------------------------------

    static final String VALID = "#1a7f37", INVALID = "#cf222e", INK = "#24292f", MUTED = "#57606a";

    private static String title(String id, Verification v) {
        return id + " · score " + score(v) + " · " + (v.valid() ? "strictly valid" : "invalid: " + v.reason());
    }

    private static Canvas header(String id, Verification v, String caption) {
        Canvas h = new Canvas();
        int m = Canvas.MARGIN;
        h.text("problem", m, 26, id, 20, INK, "start", true);
        h.text("score", m, 50, "score " + score(v), 17, INK, "start", false);
        h.text("validity", Canvas.W - m, 50, v.valid() ? "strictly valid ✓" : "INVALID ✗", 17, v.valid() ? VALID : INVALID, "end", true);
        List<String> lines = new ArrayList<>();
        if (!v.valid()) lines.add(clip("invalid: " + (v.reason() == null ? "no reason given" : v.reason()), LINE));
        int reasonLines = lines.size();
        if (caption != null && !caption.isBlank()) lines.addAll(wrap(caption, LINE));
        double y = 70;
        for (int i = 0; i < lines.size() && i < 3; i++) {
            boolean reason = i < reasonLines;
            String text = i == 2 && lines.size() > 3 ? clip(lines.get(i) + " …", LINE) : lines.get(i);
            h.text(reason ? "reason" : "caption", m, y, text, 12.5, reason ? INVALID : MUTED, "start", false);
            y += 16;
        }
        return h;
    }

    /** The score at full precision: the shortest decimal that reads back as the same double. */
    static String score(Verification v) {
        if (!v.valid() || Double.isNaN(v.score())) return "—";
        double s = v.score();
        if (Double.isInfinite(s)) return String.valueOf(s);
        if (s == Math.rint(s) && Math.abs(s) < 1e15) return String.valueOf((long) s);
        String t = Double.toString(s);
        if (t.contains("E")) {
            // keep every digit of the shortest repr, without the exponent where that stays short
            String plain = new BigDecimal(t).toPlainString();
            if (plain.length() <= 24) return plain;
        }
        return t;
    }

    /** Characters of 12.5-unit text that fit one header line. */
    private static final int LINE = 92;

    /** Breaks a caption into lines, at its " · " separators where possible. */
    private static List<String> wrap(String caption, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : caption.split(" · ")) {
            if (line.length() > 0 && line.length() + 3 + part.length() > max) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(" · ");
            line.append(part);
        }
        if (line.length() > 0) out.add(line.toString());
        out.replaceAll(l -> clip(l, max));
        return out;
    }

    private static String clip(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    // ---- families -------------------------------------------------------------------------------------------

    /** The problem families, recognised by id; anything else is drawn from its return type. */
    enum Family {
        CIRCLES_IN_SQUARE, CIRCLES_IN_RECTANGLE, HEXAGONS, HEILBRONN_TRIANGLE, HEILBRONN_CONVEX, DISTANCE_RATIO,
        C1, C2, C3, C3_PRIME, ERDOS, HERMITE, KISSING, SUMS_DIFFERENCES, HADAMARD, GENERIC;

        static Family of(String id) {
            String s = id.toLowerCase(Locale.ROOT);
            if (s.startsWith("circle_packing")) return CIRCLES_IN_SQUARE;
            if (s.startsWith("circles_rectangle")) return CIRCLES_IN_RECTANGLE;
            if (s.startsWith("hexagon_packing")) return HEXAGONS;
            if (s.startsWith("heilbronn_triangle")) return HEILBRONN_TRIANGLE;
            if (s.startsWith("heilbronn_convex")) return HEILBRONN_CONVEX;
            if (s.startsWith("min_max_distance_ratio")) return DISTANCE_RATIO;
            if (s.startsWith("first_autocorrelation")) return C1;
            if (s.startsWith("second_autocorrelation")) return C2;
            if (s.startsWith("third_autocorrelation")) return s.contains("prime") ? C3_PRIME : C3;
            if (s.startsWith("erdos_minimum_overlap")) return ERDOS;
            if (s.startsWith("uncertainty_hermite")) return HERMITE;
            if (s.startsWith("kissing_number")) return KISSING;
            if (s.startsWith("sums_differences")) return SUMS_DIFFERENCES;
            if (s.startsWith("hadamard")) return HADAMARD;
            return GENERIC;
        }

        /** Draws below the header; returns the height used. */
        double draw(Canvas c, ReturnType type, Object data, Verification v, List<String> caption) {
            return switch (this) {
                case CIRCLES_IN_SQUARE -> Shapes.circles(c, matrix(data), false, caption);
                case CIRCLES_IN_RECTANGLE -> Shapes.circles(c, matrix(data), true, caption);
                case HEXAGONS -> Shapes.hexagons(c, matrix(data), caption);
                case HEILBRONN_TRIANGLE -> Points.heilbronn(c, matrix(data), true, caption);
                case HEILBRONN_CONVEX -> Points.heilbronn(c, matrix(data), false, caption);
                case DISTANCE_RATIO -> Points.distanceRatio(c, matrix(data), caption);
                case C1, C2, C3, C3_PRIME, ERDOS -> Functions.stepFunction(c, vector(data), this, caption);
                case HERMITE -> Functions.hermite(c, vector(data), caption);
                case KISSING -> Matrices.kissing(c, longMatrix(data), caption);
                case SUMS_DIFFERENCES -> Matrices.set(c, intVector(data), v, caption);
                case HADAMARD -> Matrices.plusMinusOne(c, intMatrix(data), v, caption);
                case GENERIC -> generic(c, type, data, caption);
            };
        }
    }

    private static double generic(Canvas c, ReturnType type, Object data, List<String> caption) {
        return switch (type) {
            case DOUBLE_VECTOR -> Functions.stepFunction(c, (double[]) data, Family.GENERIC, caption);
            case INT_VECTOR -> Functions.stepFunction(c, toDoubles((int[]) data), Family.GENERIC, caption);
            case LONG_VECTOR -> Functions.stepFunction(c, toDoubles((long[]) data), Family.GENERIC, caption);
            case DOUBLE_MATRIX -> Matrices.values(c, (double[][]) data, caption);
            case INT_MATRIX -> Matrices.values(c, toDoubles((int[][]) data), caption);
            case LONG_MATRIX -> Matrices.values(c, toDoubles((long[][]) data), caption);
        };
    }

    private static double[][] matrix(Object data) {
        if (data instanceof double[][] m) return m;
        throw new Unfit("expected rows of numbers (double[][]), got " + data.getClass().getSimpleName());
    }

    private static double[] vector(Object data) {
        if (data instanceof double[] d) return d;
        throw new Unfit("expected a list of numbers (double[]), got " + data.getClass().getSimpleName());
    }

    private static long[][] longMatrix(Object data) {
        if (data instanceof long[][] m) return m;
        if (data instanceof int[][] m) {
            long[][] out = new long[m.length][];
            for (int i = 0; i < m.length; i++) {
                if (m[i] == null) continue;
                out[i] = new long[m[i].length];
                for (int j = 0; j < m[i].length; j++) out[i][j] = m[i][j];
            }
            return out;
        }
        throw new Unfit("expected rows of integers (long[][]), got " + data.getClass().getSimpleName());
    }

    private static int[] intVector(Object data) {
        if (data instanceof int[] d) return d;
        throw new Unfit("expected a list of integers (int[]), got " + data.getClass().getSimpleName());
    }

    private static int[][] intMatrix(Object data) {
        if (data instanceof int[][] m) return m;
        throw new Unfit("expected rows of integers (int[][]), got " + data.getClass().getSimpleName());
    }

    private static double[] toDoubles(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    private static double[] toDoubles(long[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    private static double[][] toDoubles(int[][] a) {
        double[][] d = new double[a.length][];
        for (int i = 0; i < a.length; i++) d[i] = a[i] == null ? null : toDoubles(a[i]);
        return d;
    }

    private static double[][] toDoubles(long[][] a) {
        double[][] d = new double[a.length][];
        for (int i = 0; i < a.length; i++) d[i] = a[i] == null ? null : toDoubles(a[i]);
        return d;
    }

    /** The data does not have the shape a family's drawing needs; the message says what is wrong. */
    static final class Unfit extends IllegalArgumentException {
        Unfit(String message) {
            super(message);
        }
    }
}
