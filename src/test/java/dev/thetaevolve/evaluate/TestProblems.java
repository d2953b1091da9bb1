package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;

import java.nio.file.Path;

/** Shared fixtures: circle_packing_26, optionally with a shorter time limit so timeout cases stay quick. */
final class TestProblems {

    private TestProblems() {
    }

    static Problem circlePacking() {
        return ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
    }

    static Problem circlePacking(long timeLimitMillis) {
        Problem p = circlePacking();
        ProblemSpec s = p.spec();
        return new Problem(new ProblemSpec(s.id(), s.title(), s.direction(), s.returnType(), timeLimitMillis,
                s.defaultTolerance(), s.bestKnown(), s.shaping(), s.taskText(), s.seedFile()), p.verifier());
    }

    /** A class {@code Cand} whose solve() runs {@code body}; {@code grid()} returns a valid packing. */
    static String cand(String body) {
        return cand(body, "");
    }

    /** Like {@link #cand(String)}, with extra class members (nested classes, static fields, helpers). */
    static String cand(String body, String members) {
        return "import java.util.*;\n\npublic class Cand {\n    public static double[][] solve() throws Exception {\n"
                + body + "\n    }\n\n" + members + "\n" + GRID + "}\n";
    }

    /** The seed's valid 26-circle grid as a helper method {@code grid()}. */
    static final String GRID = """
                static double[][] grid() {
                    double[][] c = new double[26][3];
                    for (int i = 0; i < 26; i++) {
                        c[i][0] = (i % 6 + 0.5) / 6;
                        c[i][1] = (i / 6 + 0.5) / 5;
                        c[i][2] = 0.037;
                    }
                    return c;
                }
            """;
}
