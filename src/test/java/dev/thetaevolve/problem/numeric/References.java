package dev.thetaevolve.problem.numeric;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Test fixtures: the reference constructions in shared/reference/alphaevolve and the project's catalog. */
final class References {

    /** Integers beyond 64 bits (kissing checks) stay exact; doubles stay doubles. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final ProblemCatalog CATALOG = ProblemCatalog.open(Path.of(""));

    private References() {
    }

    /** ../shared/reference beside the project (CI layout), else /work/shared/reference. */
    static Path folder() {
        Path beside = Path.of("").toAbsolutePath().resolve("../shared/reference/alphaevolve").normalize();
        return Files.isDirectory(beside) ? beside : Path.of("/work/shared/reference/alphaevolve");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String file) {
        try {
            return JSON.readValue(folder().resolve(file + ".json").toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Problem problem(String id) {
        return CATALOG.problem(id);
    }

    static ProblemCatalog catalog() {
        return CATALOG;
    }
}
