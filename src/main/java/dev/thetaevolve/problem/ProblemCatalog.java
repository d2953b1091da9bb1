package dev.thetaevolve.problem;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import java.io.IOException;
import java.io.InputStream;
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
 * (double[][] …), timeLimitMillis, tolerance, bestKnown.value, bestKnown.source, shaping.A, shaping.B,
 * shaping.alpha, shaping.M, seed (file name in the folder, default Seed.java), task (default task.md)}.
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
        return compiled.computeIfAbsent(id, k -> new Problem(spec, compileVerifier(spec)));
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
            return new ProblemSpec(
                    id,
                    p.getProperty("title", id),
                    Direction.parse(required(p, "direction", propsFile)),
                    ReturnType.parse(required(p, "returnType", propsFile)),
                    Long.parseLong(p.getProperty("timeLimitMillis", "10000").trim()),
                    Double.parseDouble(p.getProperty("tolerance", "0").trim()),
                    new BestKnown(Double.parseDouble(required(p, "bestKnown.value", propsFile)), p.getProperty("bestKnown.source", "").trim()),
                    new Shaping(num(p, "shaping.A", propsFile), num(p, "shaping.B", propsFile), num(p, "shaping.alpha", propsFile), num(p, "shaping.M", propsFile)),
                    taskText,
                    seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read problem folder " + dir, e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(propsFile + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(file + ": missing key '" + key + "'");
        return v.trim();
    }

    private static double num(Properties p, String key, Path file) {
        return Double.parseDouble(required(p, key, file));
    }

    private Verifier compileVerifier(ProblemSpec spec) {
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
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(Verifier.class.getClassLoader());
        try (InputStream in = Files.newInputStream(src); Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            compiler.cook(src.toString(), r);
            Class<?> c = compiler.getClassLoader().loadClass(className);
            if (!Verifier.class.isAssignableFrom(c)) {
                throw new IllegalStateException("problem " + spec.id() + ": class " + className + " in " + src + " does not implement " + Verifier.class.getName());
            }
            return (Verifier) c.getDeclaredConstructor().newInstance();
        } catch (CompileException e) {
            throw new IllegalStateException("problem " + spec.id() + ": verifier " + src + " does not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("problem " + spec.id() + ": cannot load verifier class " + className + " from " + src + ": " + e, e);
        }
    }
}
