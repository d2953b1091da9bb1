package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** evaluate, verify and problems through the packaged jar: the JSON contract and the exit codes. */
class EvaluateCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path reference(String id) {
        for (Path base : new Path[]{Path.of("../shared/reference/alphaevolve"), Path.of("/work/shared/reference/alphaevolve")}) {
            Path p = base.resolve(id + ".json");
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException("reference file " + id + ".json not found beside the project (../shared/reference)");
    }

    @Test
    void evaluate_seedAndBadInputs_oneJsonLinePerFileInOrder() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/it-eval"));
        Path prose = Files.writeString(dir.resolve("Prose.java"), "This is not Java at all, just words.");
        Path empty = Files.writeString(dir.resolve("Empty.java"), "");
        Path huge = dir.resolve("Huge.java");
        Files.writeString(huge, "// x\n".repeat(2_100_000)); // ~10 MB
        Cli.Result r = Cli.run("evaluate", "--problem", "circle_packing_26", "--json", "problems/circle_packing_26/Seed.java",
                prose.toString(), empty.toString(), huge.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(4);
        JsonNode seed = JSON.readTree(lines[0]);
        assertThat(seed.get("file").asText()).isEqualTo("problems/circle_packing_26/Seed.java");
        assertThat(seed.get("valid").asBoolean()).isTrue();
        assertThat(seed.get("score").asDouble()).isEqualTo(0.962, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(seed.get("error").isNull()).isTrue();
        assertThat(seed.get("tier").asText()).isEqualTo("janino");
        assertThat(seed.has("compileMillis")).isTrue();
        assertThat(seed.has("runMillis")).isTrue();
        assertThat(seed.get("metrics").isObject()).isTrue();
        for (int i = 1; i < 4; i++) {
            JsonNode bad = JSON.readTree(lines[i]);
            assertThat(bad.get("valid").asBoolean()).isFalse();
            assertThat(bad.get("score").isNull()).isTrue();
            assertThat(bad.get("error").get("kind").asText()).isIn("COMPILE", "INVALID_OUTPUT");
            assertThat(bad.get("error").get("message").asText()).isNotBlank().doesNotContain("\tat ");
        }
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void evaluate_usageErrors_exitTwo() throws Exception {
        Cli.Result missing = Cli.run("evaluate", "--problem", "circle_packing_26", "no/such/File.java");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        Cli.Result unknown = Cli.run("evaluate", "--problem", "nope", "problems/circle_packing_26/Seed.java");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown problem 'nope'");
        Cli.Result verifyMissing = Cli.run("verify", "--problem", "circle_packing_26", "missing.json");
        assertThat(verifyMissing.exit()).isEqualTo(2);
    }

    @Test
    void verify_referenceConstructions_strictAndExact() throws Exception {
        // one file per layout family: rows, object layout (hexagons), exact integers beyond 2^53, exact sums
        String[] ids = {"circle_packing_26", "hexagon_packing_12", "kissing_number_11", "erdos_minimum_overlap"};
        for (String id : ids) {
            Path ref = reference(id);
            Cli.Result r = Cli.run("verify", "--problem", id, "--json", ref.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode v = JSON.readTree(r.lastLine());
            double expected = JSON.readTree(ref.toFile()).get("recomputed_value").asDouble();
            assertThat(v.get("valid").asBoolean()).as(id + ": " + v).isTrue();
            assertThat(v.get("tier").isNull()).isTrue();
            assertThat(Math.abs(v.get("score").asDouble() - expected)).as(id).isLessThanOrEqualTo(1e-9 * Math.abs(expected));
            if (id.equals("kissing_number_11")) assertThat(v.get("score").asDouble()).isEqualTo(593.0);
        }
    }

    @Test
    void verify_tolerantPacking_reportsStrictScoreOfShrunkVersion() throws Exception {
        JsonNode ref = JSON.readTree(reference("circle_packing_26").toFile());
        com.fasterxml.jackson.databind.node.ArrayNode data = (com.fasterxml.jackson.databind.node.ArrayNode) ref.get("data").deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode row = (com.fasterxml.jackson.databind.node.ArrayNode) data.get(0);
        row.set(2, row.get(2).asDouble() + 1e-7); // grow one circle: overlaps or leaves the square by ~1e-7
        Path f = Files.createDirectories(Path.of("target/it-eval")).resolve("grown.json");
        Files.writeString(f, "{\"data\":" + data + "}");
        JsonNode strict = JSON.readTree(Cli.run("verify", "--problem", "circle_packing_26", "--json", f.toString()).lastLine());
        assertThat(strict.get("valid").asBoolean()).isFalse();
        assertThat(strict.get("error").get("kind").asText()).isEqualTo("INVALID_OUTPUT");
        JsonNode tolerant = JSON.readTree(Cli.run("verify", "--problem", "circle_packing_26", "--tolerance", "1e-6", "--json", f.toString()).lastLine());
        assertThat(tolerant.get("valid").asBoolean()).isTrue();
        assertThat(tolerant.get("strictScore").asDouble()).isLessThan(tolerant.get("score").asDouble());
    }

    @Test
    void problems_json_listsAllNineteen() throws Exception {
        Cli.Result r = Cli.run("problems", "--json", "--db", Cli.freshDb("problems"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode list = JSON.readTree(r.lastLine());
        Set<String> ids = new TreeSet<>();
        for (JsonNode p : list) {
            ids.add(p.get("id").asText());
            assertThat(p.get("direction").asText()).isIn("maximize", "minimize");
            assertThat(p.get("bestKnown").get("value").isNumber()).isTrue();
            assertThat(p.get("bestKnown").get("source").asText()).isNotBlank();
            assertThat(p.get("bestKnown").get("check").asText()).isNotBlank();
            assertThat(p.get("bestKnown").has("alphaEvolve")).isTrue();
            if (p.get("id").asText().equals("circle_packing_26")) {
                // today's record, with AlphaEvolve's value beside it
                assertThat(p.get("bestKnown").get("value").asDouble()).isEqualTo(2.6359830774);
                assertThat(p.get("bestKnown").get("alphaEvolve").get("value").asDouble()).isEqualTo(2.6358627564136983);
            }
        }
        assertThat(ids).hasSize(19).contains("circle_packing_26", "hadamard_29", "kissing_number_11", "hexagon_packing_11");
    }
}
