package dev.thetaevolve.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes drawings for {@code best --svg} and {@code verify --svg}. */
final class SvgFiles {
    private SvgFiles() {
    }

    /** Writes {@code svg} to {@code file} (parent folders created); a file that cannot be written is a usage error. */
    static void write(Path file, String svg) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, svg, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageError("cannot write the drawing to " + file + ": " + Main.rootMessage(e));
        }
    }

    /**
     * Where the drawing of {@code input} goes: {@code target} itself for a single input, else
     * target/&lt;input name without .json&gt;.svg (target is then a folder).
     */
    static Path target(Path target, Path input, int inputs) {
        if (inputs == 1 && !Files.isDirectory(target)) return target;
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UsageError("--svg " + target + " must be a folder when several files are verified");
        }
        String name = input.getFileName().toString();
        if (name.endsWith(".json")) name = name.substring(0, name.length() - 5);
        return target.resolve(name + ".svg");
    }
}
