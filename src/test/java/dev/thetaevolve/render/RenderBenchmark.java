package dev.thetaevolve.render;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints, per reference construction, the CPU time of one drawing (strict re-verification included; median
 * of 7 after 2 warm-ups, this thread's CPU time since the machines are shared) and the SVG's size. Not a
 * test. Run after {@code mvn test-compile}:
 * <pre>java -cp target/classes:target/test-classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout) dev.thetaevolve.render.RenderBenchmark</pre>
 */
public final class RenderBenchmark {
    public static void main(String[] args) throws Exception {
        ProblemCatalog catalog = ProblemCatalog.open(Path.of(""));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<String> ids = new ArrayList<>();
        try (var files = Files.list(ConstructionSvgTest.referenceFolder())) {
            files.map(f -> f.getFileName().toString().replace(".json", "")).filter(id -> catalog.spec(id).isPresent()).sorted().forEach(ids::add);
        }
        System.out.printf(Locale.ROOT, "%-34s %10s %10s%n", "construction", "ms (CPU)", "SVG KiB");
        for (String id : ids) {
            Problem p = catalog.problem(id);
            Object data = ConstructionSvgTest.reference(id);
            String svg = null;
            double[] ms = new double[9];
            for (int i = 0; i < ms.length; i++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                svg = ConstructionSvg.draw(p, data);
                ms[i] = (cpu.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            double[] timed = Arrays.copyOfRange(ms, 2, ms.length);
            Arrays.sort(timed);
            System.out.printf(Locale.ROOT, "%-34s %10.1f %10.1f%n", id, timed[timed.length / 2], svg.length() / 1024.0);
        }
    }
}
