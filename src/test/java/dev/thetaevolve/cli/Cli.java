package dev.thetaevolve.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as a user does, in its own process. */
final class Cli {
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    record Result(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static ProcessBuilder builder(List<String> args) {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException(JAR + " is missing: run `mvn verify`, which packages before integration tests");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", JAR.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // the PostgreSQL suite's jar is built with the pg profile; trust auth wants an existing role
        if (System.getProperty("thetaevolve.test.url", "").startsWith("jdbc:postgresql")) pb.environment().put("THETAEVOLVE_DB_USER", "postgres");
        return pb;
    }

    static Result run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process p = builder(List.of(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("command did not finish: " + String.join(" ", args));
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    /** A fresh database for one test: an H2 file under target/, or the PostgreSQL URL when the suite runs on it. */
    static String freshDb(String name) throws IOException {
        String url = System.getProperty("thetaevolve.test.url", "");
        if (url.startsWith("jdbc:postgresql")) return url;
        Path dir = Files.createDirectories(Path.of("target/it-db"));
        Path base = dir.resolve(name + "-" + System.nanoTime());
        return base.toString();
    }

    private Cli() {
    }
}
