package dev.thetaevolve.problem.geometry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Shared test fixtures: the catalog of this checkout, the reference constructions, deep copies. */
final class GeometryFixtures {

    /** The geometric problems this package verifies; ids equal the reference file names. */
    static final List<String> IDS = List.of(
            "circle_packing_26", "circle_packing_32", "circles_rectangle_perimeter4_21",
            "min_max_distance_ratio_16_2d", "min_max_distance_ratio_14_3d",
            "heilbronn_triangle_11", "heilbronn_convex_13", "heilbronn_convex_14",
            "hexagon_packing_11", "hexagon_packing_12");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProblemCatalog catalog;

    private GeometryFixtures() {
    }

    static synchronized ProblemCatalog catalog() {
        if (catalog == null) catalog = ProblemCatalog.open(Path.of(""));
        return catalog;
    }

    static Problem problem(String id) {
        return catalog().problem(id);
    }

    /**
     * shared/reference beside the project root (CI clones the project next to shared/), else the
     * machine-wide /work/shared/reference.
     */
    static Path referenceDir() {
        Path beside = Path.of("").toAbsolutePath().resolveSibling("shared").resolve("reference");
        return Files.isDirectory(beside) ? beside : Path.of("/work/shared/reference");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> reference(String id) {
        try {
            return JSON.readValue(referenceDir().resolve("alphaevolve").resolve(id + ".json").toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference " + id, e);
        }
    }

    /** The reference construction converted to the problem's return type. */
    static double[][] referenceData(String id) {
        Problem p = problem(id);
        return (double[][]) p.verifier().fromJson(reference(id).get("data"), p.spec().returnType());
    }

    static double recomputedValue(String id) {
        return ((Number) reference(id).get("recomputed_value")).doubleValue();
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i] == null ? null : a[i].clone();
        return c;
    }

    /** A copy of {@code a} with one row dropped (the last). */
    static double[][] dropLast(double[][] a) {
        double[][] c = new double[a.length - 1][];
        for (int i = 0; i < c.length; i++) c[i] = a[i].clone();
        return c;
    }
}
