package dev.thetaevolve.render;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.BestKnown;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.Shaping;
import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One drawing per problem family on the reference constructions of shared/reference/alphaevolve: the SVG
 * parses, holds the expected shapes, stays inside its view box and states problem, full-precision score
 * and strict validity. Malformed constructions get a drawing that says they are invalid. The drawings are
 * also written to target/drawings/ for a look.
 */
class ConstructionSvgTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final ProblemCatalog CATALOG = ProblemCatalog.open(Path.of(""));

    /** ../shared/reference beside the project (CI layout), else /work/shared/reference. */
    static Path referenceFolder() {
        Path beside = Path.of("").toAbsolutePath().resolve("../shared/reference/alphaevolve").normalize();
        return Files.isDirectory(beside) ? beside : Path.of("/work/shared/reference/alphaevolve");
    }

    static Object reference(String id) {
        try {
            return JSON.readValue(referenceFolder().resolve(id + ".json").toFile(), Map.class).get("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws, checks the header against a strict verification, and keeps the file for a look. */
    private static SvgCheck drawValid(String id, Object data) throws IOException {
        Problem p = CATALOG.problem(id);
        Verification v = p.verifyJson(data, 0);
        assertThat(v.valid()).as(id + " reference is strictly valid: " + v.reason()).isTrue();
        String svg = ConstructionSvg.draw(p, data);
        Files.createDirectories(Path.of("target/drawings"));
        Files.writeString(Path.of("target/drawings/" + id + ".svg"), svg);
        SvgCheck c = SvgCheck.parse(svg);
        assertThat(c.textOf("problem")).isEqualTo(id);
        String full = v.score() == Math.rint(v.score()) ? String.valueOf((long) v.score()) : Double.toString(v.score());
        assertThat(c.textOf("score")).isEqualTo("score " + full);
        assertThat(Double.parseDouble(c.textOf("score").substring(6))).isEqualTo(v.score()); // reads back as the same double
        assertThat(c.textOf("validity")).startsWith("strictly valid");
        assertThat(c.title()).contains(id).contains(full).contains("strictly valid");
        assertThat(c.count("reason")).isZero();
        assertThat(c.captions()).doesNotContain("left out");
        return c;
    }

    private static SvgCheck drawValid(String id) throws IOException {
        return drawValid(id, reference(id));
    }

    // ---- one test per family ------------------------------------------------------------------------------

    @Test
    void circlesInSquare_26and32_oneDiscPerCircle_contactsDrawn() throws IOException {
        SvgCheck c = drawValid("circle_packing_26");
        assertThat(c.count("disc")).isEqualTo(26);
        assertThat(c.count("container")).isEqualTo(1);
        assertThat(c.count("contact")).isGreaterThanOrEqualTo(26); // a rigid packing of 26 has many contacts
        assertThat(c.count("wall-contact")).isPositive();
        assertThat(c.captions()).contains("26 circles").contains(c.count("contact") + " contacts");
        assertThat(c.textOf("score")).isEqualTo("score 2.6358627564136983");
        assertThat(drawValid("circle_packing_32").count("disc")).isEqualTo(32);
    }

    @Test
    void circlesInRectangle_21_boundingBoxAsContainer() throws IOException {
        SvgCheck c = drawValid("circles_rectangle_perimeter4_21");
        assertThat(c.count("disc")).isEqualTo(21);
        assertThat(c.count("container")).isEqualTo(1);
        assertThat(c.captions()).contains("w + h = 2");
    }

    @Test
    void hexagons_11and12_innerHexagonsInOuter() throws IOException {
        for (int n : new int[]{11, 12}) {
            SvgCheck c = drawValid("hexagon_packing_" + n);
            assertThat(c.count("hexagon")).isEqualTo(n);
            assertThat(c.count("outer")).isEqualTo(1);
            assertThat(c.count("orientation")).isEqualTo(n);
            for (var e : c.byClass("hexagon")) assertThat(e.getAttribute("points").split(" ")).hasSize(6);
        }
    }

    @Test
    void heilbronnTriangle_11points_oneSmallestTriangle() throws IOException {
        SvgCheck c = drawValid("heilbronn_triangle_11");
        assertThat(c.count("point")).isEqualTo(11);
        assertThat(c.count("smallest-triangle")).isEqualTo(1);
        assertThat(c.count("container")).isEqualTo(1);
        assertThat(c.byClass("smallest-triangle").get(0).getAttribute("points").split(" ")).hasSize(3);
    }

    @Test
    void heilbronnConvex_13and14_hullAndSmallestTriangle() throws IOException {
        for (int n : new int[]{13, 14}) {
            SvgCheck c = drawValid("heilbronn_convex_" + n);
            assertThat(c.count("point")).isEqualTo(n);
            assertThat(c.count("smallest-triangle")).isEqualTo(1);
            assertThat(c.count("hull")).isEqualTo(1);
        }
    }

    @Test
    void distanceRatio2d_16points_minAndMaxPairs() throws IOException {
        SvgCheck c = drawValid("min_max_distance_ratio_16_2d");
        assertThat(c.count("point")).isEqualTo(16);
        assertThat(c.count("min-pair")).isPositive();
        assertThat(c.count("max-pair")).isPositive();
        assertThat(c.count("distance")).isZero();
    }

    @Test
    void distanceRatio3d_14points_projectionAndAll91Distances() throws IOException {
        SvgCheck c = drawValid("min_max_distance_ratio_14_3d");
        assertThat(c.count("point")).isEqualTo(14);
        assertThat(c.count("distance")).isEqualTo(14 * 13 / 2);
        assertThat(c.count("min-pair")).isPositive();
        assertThat(c.count("max-pair")).isPositive();
        // the strip states the squared ratio, which is the score
        assertThat(c.textOf("strip-title")).contains("squared " + Canvas.num(4.1658497672256525));
    }

    @ParameterizedTest
    @ValueSource(strings = {"first_autocorrelation_c1", "second_autocorrelation_c2", "third_autocorrelation_c3", "third_autocorrelation_c3_prime",
            "erdos_minimum_overlap"})
    void stepFunctions_functionAndItsQuantity_maxMarked(String id) throws IOException {
        SvgCheck c = drawValid(id);
        assertThat(c.count("function")).isEqualTo(1);
        assertThat(c.count("quantity")).isEqualTo(1);
        assertThat(c.count("max-marker")).isEqualTo(1);
        if (!id.startsWith("second")) {
            // the marked maximum is the bound itself
            double score = CATALOG.problem(id).verifyJson(reference(id), 0).score();
            assertThat(c.textOf("max-label")).contains("= " + Canvas.num(score) + " at k");
        } else {
            assertThat(c.textOf("max-label")).startsWith("max = 1 at k");
        }
    }

    @Test
    void hermite_polynomialWithItsLargestSignChange() throws IOException {
        SvgCheck c = drawValid("uncertainty_hermite");
        assertThat(c.count("polynomial")).isEqualTo(1);
        assertThat(c.count("largest-root")).isEqualTo(1);
        assertThat(c.textOf("root-label")).contains("r²/2π = " + Canvas.num(0.35209910442252773));
    }

    @Test
    void kissing_gramMatrixOnePixelPerPair_noPairTooClose() throws Exception {
        SvgCheck c = drawValid("kissing_number_11");
        assertThat(c.count("gram")).isEqualTo(1);
        BufferedImage img = c.image("gram");
        assertThat(img.getWidth()).isEqualTo(593);
        assertThat(img.getHeight()).isEqualTo(593);
        assertThat(c.captions()).contains("593 vectors in Z^11").contains(", 0 too close");
        // not blank: several colours, and touching pairs (dark) exist
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < 593; y += 7) for (int x = 0; x < 593; x += 7) colours.add(img.getRGB(x, y));
        assertThat(colours.size()).isGreaterThan(10);
    }

    @Test
    void sumsDifferences_oneMarkPerElement() throws IOException {
        SvgCheck c = drawValid("sums_differences_c6_u1");
        assertThat(c.count("element")).isEqualTo(2003);
        assertThat(c.captions()).contains("|U| = 2003").contains("|U−U| =");
    }

    @Test
    void hadamard_everyEntryAndTheRowGram() throws IOException {
        // a 29×29 ±1 matrix: quadratic residues mod 29 (Paley-type), valid though far from the record
        int n = 29;
        List<List<Integer>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> row = new ArrayList<>();
            for (int j = 0; j < n; j++) row.add(i == j || isResidue(((j - i) % n + n) % n, n) ? 1 : -1);
            rows.add(row);
        }
        SvgCheck c = drawValid("hadamard_29", rows);
        assertThat(c.count("cell")).isEqualTo(n * n);
        assertThat(c.count("gram-cell")).isEqualTo(n * n);
        assertThat(c.captions()).contains("29×29 matrix").doesNotContain("not ±1");
    }

    private static boolean isResidue(int a, int p) {
        for (int x = 1; x < p; x++) if (x * x % p == a) return true;
        return false;
    }

    // ---- malformed constructions: a drawing that says invalid, never an exception ----------------------------

    @Test
    void malformed_nanAndWrongShape_sayInvalid() {
        List<Object> rows = new ArrayList<>(asRows(reference("circle_packing_26")));
        rows.set(3, Arrays.asList(0.5, 0.5, Double.NaN));
        SvgCheck nan = invalid("circle_packing_26", rows);
        assertThat(nan.count("disc")).isEqualTo(25); // the NaN circle is left out, the rest drawn
        assertThat(nan.textOf("reason")).containsIgnoringCase("finite");

        SvgCheck short25 = invalid("circle_packing_26", new ArrayList<>(rows.subList(4, 29 - 3)));
        assertThat(short25.count("disc")).isEqualTo(22);

        SvgCheck narrow = invalid("circle_packing_26", List.of(List.of(0.5, 0.5)));
        assertThat(narrow.count("disc")).isZero();
        assertThat(narrow.captions()).startsWith("cannot draw it");

        SvgCheck steps = invalid("first_autocorrelation_c1", Arrays.asList(1.0, Double.NaN, 2.0));
        assertThat(steps.count("function")).isZero();

        SvgCheck hex = invalid("hexagon_packing_11", Map.of("outer_center", List.of(0, 0)));
        assertThat(hex.count("hexagon")).isZero();

        List<Object> kiss = new ArrayList<>(asRows(reference("kissing_number_11")));
        kiss.set(0, Arrays.asList(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        SvgCheck zero = invalid("kissing_number_11", kiss);
        assertThat(zero.count("gram")).isEqualTo(1);

        List<List<Integer>> had = new ArrayList<>();
        for (int i = 0; i < 29; i++) had.add(new ArrayList<>(java.util.Collections.nCopies(29, 1)));
        had.get(4).set(7, 2);
        SvgCheck two = invalid("hadamard_29", had);
        assertThat(two.count("cell")).isEqualTo(29 * 29);
        assertThat(two.captions()).contains("1 entries are not ±1");
    }

    /** Every problem, fed junk of every shape: parses, says INVALID, stays in its box. */
    @Test
    void malformed_everyProblemEveryShape_invalidDrawing() {
        Map<String, Object> notAConstruction = new HashMap<>();
        notAConstruction.put("a", 1);
        List<Object> junk = Arrays.asList(null, "text", 42, List.of(), List.of(List.of()), Arrays.asList(Double.NaN),
                Arrays.asList(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, 1.0)), notAConstruction,
                List.of(List.of(1, 2), List.of(3)), Arrays.asList(1e308, -1e308, 1e308), List.of(List.of(1e308, -1e308, 1e308, 5.0)));
        for (ProblemSpec s : CATALOG.specs()) {
            for (Object j : junk) {
                SvgCheck c = invalid(s.id(), j);
                assertThat(c.textOf("problem")).isEqualTo(s.id());
            }
        }
    }

    @Test
    void unreadable_saysInvalidWithTheReason() {
        SvgCheck c = SvgCheck.parse(ConstructionSvg.unreadable("circle_packing_26", "not valid JSON: <oops> & \u0001"));
        assertThat(c.textOf("validity")).startsWith("INVALID");
        assertThat(c.textOf("reason")).contains("<oops> & ?");
        assertThat(c.textOf("score")).isEqualTo("score —");
    }

    private static SvgCheck invalid(String id, Object data) {
        Problem p = CATALOG.problem(id);
        String svg = ConstructionSvg.draw(p, data);
        SvgCheck c = SvgCheck.parse(svg);
        if (p.verifyJson(data, 0).valid()) return c; // some junk happens to be valid (a huge "set"): then nothing to assert here
        assertThat(c.textOf("validity")).as(id + " " + data).startsWith("INVALID");
        assertThat(c.count("reason")).isEqualTo(1);
        assertThat(c.title()).contains("invalid");
        return c;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asRows(Object data) {
        return (List<Object>) data;
    }

    // ---- problems outside the families (a user's) are drawn from their return type ----------------------------

    @Test
    void generic_userProblem_drawnFromItsReturnType() {
        SvgCheck values = SvgCheck.parse(ConstructionSvg.drawOutput(spec("my_vector", ReturnType.DOUBLE_VECTOR), new double[]{1, 3, 2, 5},
                Verification.valid(5)));
        assertThat(values.count("function")).isEqualTo(1);
        assertThat(values.textOf("validity")).startsWith("strictly valid");

        SvgCheck points = SvgCheck.parse(ConstructionSvg.drawOutput(spec("my_points", ReturnType.DOUBLE_MATRIX), new double[][]{{0, 0}, {1, 2}, {3, 1}},
                Verification.valid(1.25)));
        assertThat(points.count("point")).isEqualTo(3);
        assertThat(points.textOf("score")).isEqualTo("score 1.25");

        long[][] big = new long[80][80];
        for (int i = 0; i < 80; i++) for (int j = 0; j < 80; j++) big[i][j] = (long) i * j - 1000;
        SvgCheck heat = SvgCheck.parse(ConstructionSvg.drawOutput(spec("my_matrix", ReturnType.LONG_MATRIX), big, Verification.invalid("too big")));
        assertThat(heat.count("heatmap")).isEqualTo(1);
        assertThat(heat.textOf("validity")).startsWith("INVALID");

        int[][] small = {{1, -1, 0, 7}, {2, 3, 4, 5}};
        assertThat(SvgCheck.parse(ConstructionSvg.drawOutput(spec("my_ints", ReturnType.INT_MATRIX), small, Verification.valid(0))).count("cell")).isEqualTo(8);
    }

    private static ProblemSpec spec(String id, ReturnType type) {
        return new ProblemSpec(id, id, Direction.MAXIMIZE, type, 1000, 0, new BestKnown(1, ""), new Shaping(0, 1, 1, 1), "", Path.of("Seed.java"));
    }
}
