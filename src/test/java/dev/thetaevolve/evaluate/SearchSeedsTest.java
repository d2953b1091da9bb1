package dev.thetaevolve.evaluate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.search.SearchHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem's search seed (issue #11): it compiles under Janino and passes the candidates' allow-list
 * scan, offers the three methods, starts from an initial() that scores below the best-known bound,
 * improves on it within its budget to a strictly valid construction, and embeds no reference construction.
 */
class SearchSeedsTest {


    /**
     * A run of this many of a seed's non-trivial literals (trivial: an integer below 1000 or a number of at
     * most 2 significant digits, such as 0, 2, 0.5 or 1e-12), in order, equal to consecutive numbers of a
     * reference file fails.
     */
    static final int RUN = 4;

    /** More than this many distinctive literals that occur anywhere in one reference file fails. */
    static final int DISTINCTIVE_ALLOWED = 2;

    static Stream<String> searchProblems() {
        return SearchSeeds.CATALOG.specs().stream().filter(s -> s.searchSeedFile() != null).map(ProblemSpec::id);
    }

    /** Issue #11's sixteen; circle_packing_26/32 and second_autocorrelation_c2 come with issue #10. */
    static final List<String> ISSUE_11 = List.of("circles_rectangle_perimeter4_21", "erdos_minimum_overlap", "first_autocorrelation_c1",
            "hadamard_29", "heilbronn_convex_13", "heilbronn_convex_14", "heilbronn_triangle_11", "hexagon_packing_11", "hexagon_packing_12",
            "kissing_number_11", "min_max_distance_ratio_14_3d", "min_max_distance_ratio_16_2d", "sums_differences_c6_u1",
            "third_autocorrelation_c3", "third_autocorrelation_c3_prime", "uncertainty_hermite");

    @Test
    void catalog_issue11Problems_haveASearchSeedAndDefaultToSearch() {
        assertThat(searchProblems().toList()).containsAll(ISSUE_11);
        for (String id : ISSUE_11) {
            ProblemSpec spec = SearchSeeds.CATALOG.spec(id).orElseThrow();
            assertThat(spec.searchSeedFile().getFileName().toString()).isEqualTo("SearchSeed.java");
            assertThat(spec.defaultMode()).as(id).isEqualTo(dev.thetaevolve.problem.Mode.SEARCH);
        }
    }

    @ParameterizedTest
    @MethodSource("searchProblems")
    void seed_compilesUnderJaninoAndOffersTheThreeMethods(String id) throws Exception {
        ProblemSpec spec = SearchSeeds.CATALOG.spec(id).orElseThrow();
        CandidateCompiler.Compiled c = SearchSeeds.compile(spec);
        assertThat(c.ok()).as(c.message()).isTrue();
        assertThat(c.tier()).as("compiled by Janino, not by the javac fallback").isEqualTo(Tier.JANINO);
        assertThat(WorkerSearch.missingMethods(SearchSeeds.load(c), spec.returnType())).isNull();
        assertThat(Files.readString(spec.searchSeedFile())).contains("EVOLVE-BLOCK-START").contains("EVOLVE-BLOCK-END");
    }

    @ParameterizedTest
    @MethodSource("searchProblems")
    void seed_fromInitial_belowTheBoundThenImprovesToAStrictlyValidConstruction(String id) throws Exception {
        Problem problem = SearchSeeds.CATALOG.problem(id);
        ProblemSpec spec = problem.spec();
        // the declared budget, capped so the test stays short (improving sooner is improving within the budget)
        SearchHarness.Outcome o = SearchSeeds.run(problem, 11, Math.min(spec.searchBudgetMillis(), 3000), null);

        assertThat(o.warmStarted()).isFalse();
        assertThat(o.startScore()).as("initial() is valid").isFinite();
        assertThat(spec.direction().better(spec.bestKnown().value(), o.startScore())).as("initial() scores below the best known").isTrue();
        Verification strict = problem.verify(o.best(), 0);
        assertThat(strict.valid()).as(strict.reason()).isTrue();
        assertThat(strict.score()).isEqualTo(o.score());
        assertThat(spec.direction().better(o.score(), o.startScore())).as("improves on initial(): %s -> %s", o.startScore(), o.score()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("searchProblems")
    void seed_embedsNoReferenceConstruction(String id) throws Exception {
        ProblemSpec spec = SearchSeeds.CATALOG.spec(id).orElseThrow();
        List<Literal> literals = literals(Files.readString(spec.searchSeedFile()));
        for (Path file : referenceFiles()) {
            double[] data = referenceNumbers(file);
            assertThat(longestRun(literals, data)).as("%s vs %s", id, file.getFileName()).isLessThan(RUN);
            assertThat(distinctiveMatches(literals, data)).as("%s vs %s", id, file.getFileName()).isLessThanOrEqualTo(DISTINCTIVE_ALLOWED);
        }
    }

    @Test
    void literalCheck_seedWithReferenceNumbers_isCaught() throws Exception {
        Path file = referenceFolder().resolve("circle_packing_26.json");
        double[] data = referenceNumbers(file);
        StringBuilder src = new StringBuilder("public class Copy { static double[] c = {");
        for (int i = 9; i < 9 + RUN; i++) src.append(i > 9 ? ", " : "").append(data[i]);
        src.append("}; // 1.5 2.5\n static double x = 0.5 * 3; }");
        List<Literal> literals = literals(src.toString());
        assertThat(longestRun(literals, data)).isEqualTo(RUN);
        assertThat(distinctiveMatches(literals, data)).isGreaterThan(DISTINCTIVE_ALLOWED);
        // a comment's numbers do not count; an honest seed's constants do not match
        assertThat(literals(src.toString().replace("{", "{/*").replace("};", "*/};"))).hasSize(2);
    }

    static Stream<String> allProblems() {
        return SearchSeeds.CATALOG.specs().stream().map(ProblemSpec::id);
    }

    /**
     * The task text (the prompt's problem statement) may quote a bound's value but not a construction: no two
     * consecutive distinctive numbers of it may equal, at the precision printed, consecutive numbers of a
     * reference file.
     */
    @ParameterizedTest
    @MethodSource("allProblems")
    void taskText_quotesNoReferenceConstruction(String id) throws Exception {
        String text = SearchSeeds.CATALOG.spec(id).orElseThrow().taskText();
        for (Path file : referenceFiles()) {
            assertThat(longestPrintedRun(text, referenceNumbers(file))).as("%s task.md vs %s", id, file.getFileName()).isLessThan(2);
        }
    }

    @Test
    void taskTextCheck_quotedCoefficients_areCaught() throws Exception {
        double[] data = referenceNumbers(referenceFolder().resolve("uncertainty_hermite.json"));
        String quoted = "The best known value is about 0.3521 (AlphaEvolve: c ≈ {0.32925, -0.0115851, -8.9216e-5}).";
        assertThat(longestPrintedRun(quoted, data)).isEqualTo(3);
        assertThat(longestPrintedRun("The best known value is about 0.3521 (AlphaEvolve, 2025).", data)).isZero();
    }

    // ---- literals ----------------------------------------------------------------------------------------

    /**
     * A numeric literal of the source: its value, whether it is trivial (an integer below 1000, or at most 2
     * significant digits) and whether it is distinctive (>= 4 significant digits, or an integer >= 10000).
     */
    record Literal(double value, boolean trivial, boolean distinctive) {
    }

    private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])((?:\\d+\\.\\d*|\\.\\d+|\\d+)(?:[eE][+-]?\\d+)?)[dDfFlL]?(?![\\w.])");

    static List<Literal> literals(String source) {
        String code = COMMENTS.matcher(source).replaceAll(" ");
        code = code.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
        List<Literal> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(code);
        while (m.find()) {
            String text = m.group(1);
            double v = Double.parseDouble(text.replace("_", ""));
            String mantissa = text.split("[eE]")[0].replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
            boolean integer = !text.contains(".") && !text.contains("e") && !text.contains("E");
            boolean trivial = (integer && v < 1000) || mantissa.length() <= 2;
            out.add(new Literal(v, trivial, mantissa.length() >= 4 && !(integer && v < 10000) || (integer && v >= 10000)));
        }
        return out;
    }

    /** A number as printed in prose: its value and half a unit of its last printed digit. */
    record Printed(double value, double halfUnit) {
    }

    /** The distinctive numbers (>= 4 significant digits) of a text, in order. */
    static List<Printed> printed(String text) {
        List<Printed> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String t = m.group(1);
            String[] parts = t.split("[eE]");
            String mantissa = parts[0].replace(".", "").replaceFirst("^0+", "");
            if (mantissa.length() < 4) continue;
            int decimals = parts[0].contains(".") ? parts[0].length() - parts[0].indexOf('.') - 1 : 0;
            int exponent = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            out.add(new Printed(Double.parseDouble(t), 0.5 * Math.pow(10, exponent - decimals)));
        }
        return out;
    }

    /** The longest run of consecutive distinctive numbers of the text equal, at their printed precision, to consecutive reference numbers. */
    static int longestPrintedRun(String text, double[] data) {
        List<Printed> numbers = printed(text);
        int best = 0;
        for (int i = 0; i < numbers.size(); i++) {
            for (int j = 0; j < data.length; j++) {
                int k = 0;
                while (i + k < numbers.size() && j + k < data.length
                        && Math.abs(numbers.get(i + k).value() - Math.abs(data[j + k])) <= numbers.get(i + k).halfUnit()) k++;
                best = Math.max(best, k);
            }
        }
        return best;
    }

    static boolean same(double a, double b) {
        return Math.abs(Math.abs(a) - Math.abs(b)) <= 1e-9 * Math.max(1, Math.abs(a));
    }

    /** The longest run of consecutive non-trivial literals equal (up to sign, 1e-9) to consecutive reference numbers. */
    static int longestRun(List<Literal> all, double[] data) {
        List<Literal> literals = all.stream().filter(l -> !l.trivial()).toList();
        int best = 0;
        for (int i = 0; i < literals.size(); i++) {
            for (int j = 0; j < data.length; j++) {
                int k = 0;
                while (i + k < literals.size() && j + k < data.length && same(literals.get(i + k).value(), data[j + k])) k++;
                best = Math.max(best, k);
            }
        }
        return best;
    }

    static int distinctiveMatches(List<Literal> literals, double[] data) {
        int n = 0;
        for (Literal l : literals) {
            if (!l.distinctive()) continue;
            for (double d : data) {
                if (same(l.value(), d)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    // ---- reference data ----------------------------------------------------------------------------------

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** ../shared/reference beside the project (CI layout), else /work/shared/reference. */
    static Path referenceFolder() {
        Path beside = Path.of("").toAbsolutePath().resolve("../shared/reference/alphaevolve").normalize();
        return Files.isDirectory(beside) ? beside : Path.of("/work/shared/reference/alphaevolve");
    }

    static List<Path> referenceFiles() throws IOException {
        try (Stream<Path> files = Files.list(referenceFolder())) {
            List<Path> out = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(out).as("reference constructions in " + referenceFolder()).isNotEmpty();
            return out;
        }
    }

    /** Every number of the file's construction ({@code data}), in document order. */
    static double[] referenceNumbers(Path file) throws IOException {
        List<Double> out = new ArrayList<>();
        flatten(JSON.readTree(file.toFile()).path("data"), out);
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    private static void flatten(JsonNode n, List<Double> out) {
        if (n.isNumber()) out.add(n.doubleValue());
        else if (n.isContainerNode()) for (JsonNode c : n) flatten(c, out);
    }
}
