package dev.thetaevolve.problem;


import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * The problems a service knows: every folder problems/&lt;id&gt;/ with a problem.properties, paired with
 * evaluators/&lt;id&gt;/ holding exactly one verifier source file. Both are read from disk at run time, so a
 * user adds a problem by adding two folders, with no rebuild.
 *
 * <p>Layout of problem.properties: {@code id, title, direction (maximize|minimize), returnType
 * (double[][] …), timeLimitMillis, tolerance, bestKnown.value, bestKnown.source, bestKnown.check (how the
 * record's source checked it), alphaEvolve.value, alphaEvolve.source (AlphaEvolve's 2025 value, kept beside
 * the record), shaping.A, shaping.B,
 * shaping.alpha, shaping.M, seed (file name in the folder, default Seed.java), task (default task.md),
 * modes (comma-separated, default construct; search needs searchSeed), searchBudgetMillis (one search
 * child's harness budget, default 2000), searchSeed (the search-mode seed file)}.
 *
 * <p>Specs are read eagerly; verifiers are compiled (Janino, parent loader = the application's) on first
 * use and cached. Thread-safe.
 */
public final class ProblemCatalog {

    private final Path problemsDir;
    private final Path evaluatorsDir;
    private final List<ProblemSpec> specs;
    private final ConcurrentMap<String, Problem> compiled = new ConcurrentHashMap<>();

    private ProblemCatalog(Path home) {
        this.problemsDir = home.resolve("problems");
        this.evaluatorsDir = home.resolve("evaluators");
        if (!Files.isDirectory(problemsDir)) {
            throw new IllegalArgumentException("no problems/ folder under " + home.toAbsolutePath() + " (set thetaevolve.home or THETAEVOLVE_HOME)");
        }
        this.specs = List.copyOf(readSpecs());
    }

    /** The catalog under {@code home}, which holds problems/ and evaluators/. */
    public static ProblemCatalog open(Path home) {
        return new ProblemCatalog(home);
    }

    /**
     * Finds the project home: the system property {@code thetaevolve.home}, else {@code THETAEVOLVE_HOME},
     * else the working directory or the nearest parent that holds problems/, else the folders above the
     * application jar.
     */
    public static Path locateHome() {
        String prop = System.getProperty("thetaevolve.home");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("THETAEVOLVE_HOME");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path found = searchUp(Path.of("").toAbsolutePath());
        if (found != null) return found;
        try {
            Path jar = Path.of(ProblemCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            found = searchUp(jar);
        } catch (Exception ignored) {
            // no code source (unusual class loader): fall through
        }
        return found != null ? found : Path.of("").toAbsolutePath();
    }

    private static Path searchUp(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("problems")) && Files.isDirectory(p.resolve("evaluators"))) return p;
        }
        return null;
    }

    /** All specs, sorted by id. */
    public List<ProblemSpec> specs() {
        return specs;
    }

    public Optional<ProblemSpec> spec(String id) {
        return specs.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The problem with its compiled verifier.
     *
     * @throws IllegalArgumentException for an unknown id (the message lists the known ones)
     * @throws IllegalStateException    when the verifier source does not compile or load
     */
    public Problem problem(String id) {
        ProblemSpec spec = spec(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown problem '" + id + "'; known: " + String.join(", ", specs.stream().map(ProblemSpec::id).toList())));
        return compiled.computeIfAbsent(id, k -> compileVerifier(spec));
    }

    private List<ProblemSpec> readSpecs() {
        List<ProblemSpec> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(problemsDir)) {
            for (Path dir : dirs.sorted().toList()) {
                Path props = dir.resolve("problem.properties");
                if (Files.isRegularFile(props)) out.add(readSpec(dir, props));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + problemsDir, e);
        }
        return out;
    }

    static ProblemSpec readSpec(Path dir, Path propsFile) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(propsFile, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + propsFile, e);
        }
        String id = required(p, "id", propsFile);
        if (!id.equals(dir.getFileName().toString())) {
            throw new IllegalArgumentException(propsFile + ": id '" + id + "' must equal its folder name '" + dir.getFileName() + "'");
        }
        try {
            Path seed = dir.resolve(p.getProperty("seed", "Seed.java"));
            Path task = dir.resolve(p.getProperty("task", "task.md"));
            String taskText = Files.isRegularFile(task) ? Files.readString(task) : "";
            java.util.Set<Mode> modes = java.util.EnumSet.noneOf(Mode.class);
            for (String m : p.getProperty("modes", "construct").split(",")) {
                if (!m.isBlank()) modes.add(Mode.parse(m));
            }
            String searchSeedName = p.getProperty("searchSeed");
            Path searchSeed = searchSeedName == null || searchSeedName.isBlank() ? null : dir.resolve(searchSeedName.trim());
            if (searchSeed != null && !Files.isRegularFile(searchSeed)) {
                throw new IllegalArgumentException(propsFile + ": searchSeed file " + searchSeed + " does not exist");
            }
            return new ProblemSpec(
                    id,
                    p.getProperty("title", id),
                    Direction.parse(required(p, "direction", propsFile)),
                    ReturnType.parse(required(p, "returnType", propsFile)),
                    Long.parseLong(p.getProperty("timeLimitMillis", "10000").trim()),
                    Double.parseDouble(p.getProperty("tolerance", "0").trim()),
                    bestKnown(p, propsFile),
                    new Shaping(num(p, "shaping.A", propsFile), num(p, "shaping.B", propsFile), num(p, "shaping.alpha", propsFile), num(p, "shaping.M", propsFile)),
                    taskText,
                    seed,
                    modes,
                    Long.parseLong(p.getProperty("searchBudgetMillis", "" + ProblemSpec.DEFAULT_SEARCH_BUDGET_MILLIS).trim()),
                    searchSeed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read problem folder " + dir, e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(propsFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code bestKnown.value} (required), {@code bestKnown.source}, {@code bestKnown.check}, and
     * {@code alphaEvolve.value} / {@code alphaEvolve.source} when AlphaEvolve published a value.
     */
    private static BestKnown bestKnown(Properties p, Path file) {
        BestKnown.Reference alpha = null;
        String alphaValue = p.getProperty("alphaEvolve.value");
        if (alphaValue != null && !alphaValue.isBlank()) {
            alpha = new BestKnown.Reference(Double.parseDouble(alphaValue.trim()), p.getProperty("alphaEvolve.source", "").trim());
        }
        return new BestKnown(num(p, "bestKnown.value", file), p.getProperty("bestKnown.source", "").trim(),
                p.getProperty("bestKnown.check", "").trim(), alpha);
    }

    private static String required(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(file + ": missing key '" + key + "'");
        return v.trim();
    }

    private static double num(Properties p, String key, Path file) {
        return Double.parseDouble(required(p, key, file));
    }

    private Problem compileVerifier(ProblemSpec spec) {
        Path dir = evaluatorsDir.resolve(spec.id());
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("problem " + spec.id() + ": no verifier folder " + dir, e);
        }
        if (sources.size() != 1) {
            throw new IllegalStateException("problem " + spec.id() + ": " + dir + " must hold exactly one .java file, found " + sources.size());
        }
        Path src = sources.get(0);
        String className = src.getFileName().toString().replaceFirst("\\.java$", "");
        try {
            String text = Files.readString(src, StandardCharsets.UTF_8);
            VerifierSource source = new VerifierSource(className, text);
            return new Problem(spec, source.compile(Verifier.class.getClassLoader()), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("problem " + spec.id() + ": " + src + ": " + e.getMessage(), e);
        }
    }
}
