package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.render.SvgCheck;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code best --svg} and {@code verify --svg} through the packaged jar. */
class DrawingCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void verify_svg_writesTheDrawing_outputUnchanged() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/it-draw"));
        Path svg = dir.resolve("heilbronn.svg");
        Files.deleteIfExists(svg);
        Path ref = EvaluateCommandIT.reference("heilbronn_triangle_11");
        Cli.Result r = Cli.run("verify", "--problem", "heilbronn_triangle_11", "--json", "--svg", svg.toString(), ref.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode line = JSON.readTree(r.out().strip());
        assertThat(line.get("valid").asBoolean()).isTrue();
        SvgCheck c = SvgCheck.parse(Files.readString(svg));
        assertThat(c.count("point")).isEqualTo(11);
        assertThat(c.count("smallest-triangle")).isEqualTo(1);
        assertThat(c.textOf("score")).isEqualTo("score " + line.get("score").asDouble());

        // several files: --svg names a folder; a malformed file gets a drawing that says invalid
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"data\": [[0.5, 0.5, NaN]]}");
        Path wrongShape = Files.writeString(dir.resolve("short.json"), "{\"data\": [[0.5, 0.5]]}");
        Path out = dir.resolve("drawings-" + System.nanoTime());
        Cli.Result two = Cli.run("verify", "--problem", "circle_packing_26", "--svg", out.toString(), broken.toString(), wrongShape.toString());
        assertThat(two.exit()).as(two.err()).isZero();
        for (String name : new String[]{"broken.svg", "short.svg"}) {
            SvgCheck bad = SvgCheck.parse(Files.readString(out.resolve(name)));
            assertThat(bad.textOf("validity")).startsWith("INVALID");
            assertThat(bad.textOf("reason")).isNotBlank();
        }

        // several files into an existing plain file: one line, exit 2
        Cli.Result clash = Cli.run("verify", "--problem", "circle_packing_26", "--svg", svg.toString(), broken.toString(), wrongShape.toString());
        assertThat(clash.exit()).isEqualTo(2);
        assertThat(clash.err()).contains("must be a folder").doesNotContain("Exception");
    }

    @Test
    void best_svg_drawsTheRunsBest() throws Exception {
        String db = Cli.freshDb("draw");
        String name = "draw-" + System.nanoTime();
        Cli.Result run = Cli.run("run", "--problem", "circle_packing_26", "--mode", "construct", "--steps", "1", "--parents", "2", "--samples", "2", "--seed", "3",
                "--db", db, "--run", name, "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        Path svg = Path.of("target/it-draw/best-" + System.nanoTime() + ".svg");
        Cli.Result best = Cli.run("best", "--run", name, "--db", db, "--svg", svg.toString());
        assertThat(best.exit()).as(best.err()).isZero();
        assertThat(best.out()).contains("public static double[][] solve()"); // the source still goes to stdout
        SvgCheck c = SvgCheck.parse(Files.readString(svg));
        assertThat(c.count("disc")).isEqualTo(26);
        assertThat(c.textOf("problem")).isEqualTo("circle_packing_26");
        assertThat(c.textOf("validity")).startsWith("strictly valid");
    }
}
