package dev.thetaevolve.mutate;

import dev.thetaevolve.mutate.DiffFormat.Options;
import dev.thetaevolve.mutate.DiffFormat.Result;
import dev.thetaevolve.mutate.DiffFormat.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DiffFormatTest {

    private static final String PARENT = """
            public class Cand {
                // EVOLVE-BLOCK-START
                public static double[] solve() {
                    double a = 1.0;
                    double b = 2.0;
                    return new double[] {a, b};
                }
                // EVOLVE-BLOCK-END
            }
            """;

    private static String block(String search, String replace) {
        return "<<<<<<< SEARCH\n" + search + "=======\n" + replace + ">>>>>>> REPLACE\n";
    }

    @Test
    void apply_singleBlock_replacesLines() {
        Result r = DiffFormat.apply(PARENT, block("        double a = 1.0;\n", "        double a = 1.5;\n"));
        assertThat(r.status()).isEqualTo(Status.APPLIED);
        assertThat(r.code()).isEqualTo(PARENT.replace("a = 1.0", "a = 1.5"));
        assertThat(r.applied()).isEqualTo(1);
        assertThat(r.unmatched()).isZero();
        assertThat(r.malformed()).isZero();
        assertThat(r.hasChild()).isTrue();
    }

    @Test
    void apply_blocksInOrder_eachSeesThePreviousResult() {
        String sample = block("        double a = 1.0;\n", "        double a = 3.0;\n")
                + block("        double a = 3.0;\n", "        double a = 4.0;\n");
        Result r = DiffFormat.apply(PARENT, sample);
        assertThat(r.applied()).isEqualTo(2);
        assertThat(r.code()).contains("double a = 4.0;").doesNotContain("1.0");
    }

    static Stream<Arguments> lineEndings() {
        String sample = block("        double b = 2.0;\n", "        double b = 2.5;\n");
        return Stream.of(
                Arguments.of("LF parent, LF sample", PARENT, sample),
                Arguments.of("CRLF parent", PARENT.replace("\n", "\r\n"), sample),
                Arguments.of("CRLF sample", PARENT, sample.replace("\n", "\r\n")),
                Arguments.of("CRLF both", PARENT.replace("\n", "\r\n"), sample.replace("\n", "\r\n")),
                Arguments.of("CR only sample", PARENT, sample.replace("\n", "\r")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineEndings")
    void apply_anyLineEndings_yieldsTheSameLfChild(String name, String parent, String sample) {
        Result r = DiffFormat.apply(parent, sample);
        assertThat(r.status()).isEqualTo(Status.APPLIED);
        assertThat(r.code()).isEqualTo(PARENT.replace("b = 2.0", "b = 2.5")).doesNotContain("\r");
    }

    @Test
    void apply_trailingSpacesInSearch_matchesByFallback() {
        Result r = DiffFormat.apply(PARENT, block("        double a = 1.0;   \t\n", "        double a = 7.0;\n"));
        assertThat(r.status()).isEqualTo(Status.APPLIED);
        assertThat(r.code()).contains("double a = 7.0;");
    }

    @Test
    void apply_trailingSpacesInParent_matchesByFallback() {
        String parent = PARENT.replace("double a = 1.0;", "double a = 1.0;  ");
        Result r = DiffFormat.apply(parent, block("        double a = 1.0;\n", "        double a = 7.0;\n"));
        assertThat(r.code()).contains("double a = 7.0;\n");
    }

    @Test
    void apply_exactMatchLaterInFile_winsOverEarlierFallbackMatch() {
        String parent = "// EVOLVE-BLOCK-START\nx = 1;  \nx = 1;\n// EVOLVE-BLOCK-END\n";
        Result r = DiffFormat.apply(parent, block("x = 1;\n", "x = 2;\n"));
        assertThat(r.code()).isEqualTo("// EVOLVE-BLOCK-START\nx = 1;  \nx = 2;\n// EVOLVE-BLOCK-END\n");
    }

    @Test
    void apply_searchOccursTwice_replacesFirstOnly() {
        String parent = "// EVOLVE-BLOCK-START\nx += 1;\ny = 0;\nx += 1;\n// EVOLVE-BLOCK-END\n";
        Result r = DiffFormat.apply(parent, block("x += 1;\n", "x += 2;\n"));
        assertThat(r.code()).isEqualTo("// EVOLVE-BLOCK-START\nx += 2;\ny = 0;\nx += 1;\n// EVOLVE-BLOCK-END\n");
    }

    @Test
    void apply_emptyReplace_deletesLines() {
        Result r = DiffFormat.apply(PARENT, block("        double a = 1.0;\n        double b = 2.0;\n", ""));
        assertThat(r.status()).isEqualTo(Status.APPLIED);
        assertThat(r.code()).doesNotContain("double a").doesNotContain("double b");
        assertThat(r.code().lines().count()).isEqualTo(PARENT.lines().count() - 2);
    }

    @Test
    void apply_emptySearch_isUnmatched() {
        Result r = DiffFormat.apply(PARENT, block("", "        double c = 3.0;\n"));
        assertThat(r.status()).isEqualTo(Status.NONE_APPLIED);
        assertThat(r.unmatched()).isEqualTo(1);
        assertThat(r.code()).isEqualTo(PARENT);
        assertThat(r.hasChild()).isFalse();
    }

    @Test
    void apply_blockNotFound_isSkippedAndCounted() {
        String sample = block("        double z = 9.0;\n", "        double z = 8.0;\n")
                + block("        double b = 2.0;\n", "        double b = 2.5;\n");
        Result r = DiffFormat.apply(PARENT, sample);
        assertThat(r.status()).isEqualTo(Status.APPLIED);
        assertThat(r.applied()).isEqualTo(1);
        assertThat(r.unmatched()).isEqualTo(1);
    }

    @Test
    void apply_noBlockMatches_isNoneApplied() {
        Result r = DiffFormat.apply(PARENT, block("nothing like this\n", "x\n"));
        assertThat(r.status()).isEqualTo(Status.NONE_APPLIED);
        assertThat(r.code()).isEqualTo(PARENT);
    }

    @Test
    void apply_plainText_isNoBlocks() {
        Result r = DiffFormat.apply(PARENT, "I would increase a to 1.5.");
        assertThat(r.status()).isEqualTo(Status.NO_BLOCKS);
        assertThat(r.applied() + r.unmatched() + r.malformed()).isZero();
    }

    static Stream<Arguments> malformedSamples() {
        String good = block("        double b = 2.0;\n", "        double b = 2.5;\n");
        return Stream.of(
                Arguments.of("missing divider", "<<<<<<< SEARCH\n        double a = 1.0;\n>>>>>>> REPLACE\n" + good, 1, 1),
                Arguments.of("missing REPLACE before next block", "<<<<<<< SEARCH\n        double a = 1.0;\n=======\nx\n" + good, 1, 1),
                Arguments.of("missing REPLACE at end", good + "<<<<<<< SEARCH\n        double a = 1.0;\n=======\nx\n", 1, 1),
                Arguments.of("nested SEARCH", "<<<<<<< SEARCH\n        double a = 1.0;\n" + good, 1, 1),
                Arguments.of("second divider", "<<<<<<< SEARCH\n        double a = 1.0;\n=======\nx\n=======\ny\n>>>>>>> REPLACE\n" + good, 1, 1),
                Arguments.of("stray REPLACE", ">>>>>>> REPLACE\n" + good, 1, 1),
                Arguments.of("only a broken block", "<<<<<<< SEARCH\n        double a = 1.0;\n", 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSamples")
    void apply_malformedMarkers_dropsBlockAndContinues(String name, String sample, int malformed, int applied) {
        Result r = DiffFormat.apply(PARENT, sample);
        assertThat(r.malformed()).isEqualTo(malformed);
        assertThat(r.applied()).isEqualTo(applied);
        assertThat(r.status()).isEqualTo(applied > 0 ? Status.APPLIED : Status.NO_BLOCKS);
        assertThat(r.code()).doesNotContain("x\n").doesNotContain("y\n");
        if (applied > 0) assertThat(r.code()).contains("double b = 2.5;").contains("double a = 1.0;");
    }

    @Test
    void apply_indentedMarkers_areAccepted() {
        Result r = DiffFormat.apply(PARENT, "  <<<<<<< SEARCH  \n        double a = 1.0;\n  =======\n        double a = 1.5;\n >>>>>>> REPLACE \n");
        assertThat(r.status()).isEqualTo(Status.APPLIED);
    }

    static Stream<Arguments> thinkSamples() {
        String good = block("        double a = 1.0;\n", "        double a = 1.5;\n");
        String decoy = block("        double b = 2.0;\n", "        double b = 99.0;\n");
        return Stream.of(
                Arguments.of("think section before", "<think>\n" + decoy + "</think>\n" + good),
                Arguments.of("closing tag only", "plan: " + decoy + "</think>\n" + good),
                Arguments.of("think section after", good + "<think>" + decoy + "</think>"),
                Arguments.of("unterminated think after answer", good + "<think>\n" + decoy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thinkSamples")
    void apply_thinkSection_isNeverApplied(String name, String sample) {
        Result r = DiffFormat.apply(PARENT, sample);
        assertThat(r.applied()).isEqualTo(1);
        assertThat(r.code()).contains("double a = 1.5;").contains("double b = 2.0;");
    }

    @Test
    void stripThink_unterminatedAtStart_leavesNothing() {
        assertThat(DiffFormat.stripThink("<think>still reasoning " + block("a\n", "b\n"))).isEmpty();
    }

    @Test
    void apply_fullRewriteEnabled_takesTheSingleJavaFence() {
        String child = PARENT.replace("2.0", "2.25");
        Result r = DiffFormat.apply(PARENT, "Here it is:\n```java\n" + child + "```\nDone.", new Options(false, true));
        assertThat(r.status()).isEqualTo(Status.REWRITE);
        assertThat(r.code()).isEqualTo(child);
    }

    static Stream<Arguments> notRewrites() {
        String child = PARENT.replace("2.0", "2.25");
        String fenced = "```java\n" + child + "```\n";
        return Stream.of(
                Arguments.of("option off", fenced, Options.DEFAULT, Status.NO_BLOCKS),
                Arguments.of("two fences", fenced + fenced, new Options(false, true), Status.NO_BLOCKS),
                Arguments.of("python fence", "```python\n" + child + "```\n", new Options(false, true), Status.NO_BLOCKS),
                Arguments.of("diff inside the fence", "```java\n" + block("nope\n", "x\n") + "```\n", new Options(false, true), Status.NONE_APPLIED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notRewrites")
    void apply_fenceNotUsable_isNoRewrite(String name, String sample, Options options, Status status) {
        assertThat(DiffFormat.apply(PARENT, sample, options).status()).isEqualTo(status);
    }

    @Test
    void apply_blockApplies_rewriteNotConsidered() {
        String sample = block("        double a = 1.0;\n", "        double a = 1.5;\n") + "```java\nclass Other {}\n```\n";
        Result r = DiffFormat.apply(PARENT, sample, new Options(false, true));
        assertThat(r.status()).isEqualTo(Status.APPLIED);
    }

    @Test
    void apply_rewriteChangingOutside_isRejected() {
        String child = PARENT.replace("public class Cand", "public class Other");
        Result r = DiffFormat.apply(PARENT, "```java\n" + child + "```\n", new Options(false, true));
        assertThat(r.status()).isEqualTo(Status.OUTSIDE_EVOLVE_BLOCK);
    }

    static Stream<Arguments> outsideChanges() {
        return Stream.of(
                Arguments.of("class line", block("public class Cand {\n", "public class Cand { // hi\n")),
                Arguments.of("start marker removed", block("    // EVOLVE-BLOCK-START\n", "")),
                Arguments.of("end marker moved", block("    }\n    // EVOLVE-BLOCK-END\n", "    // EVOLVE-BLOCK-END\n    }\n")),
                Arguments.of("line after the block", block("    // EVOLVE-BLOCK-END\n}\n", "    // EVOLVE-BLOCK-END\n    static int x;\n}\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outsideChanges")
    void apply_changeOutsideEvolveBlock_isRejectedByDefault(String name, String sample) {
        Result r = DiffFormat.apply(PARENT, sample);
        assertThat(r.status()).isEqualTo(Status.OUTSIDE_EVOLVE_BLOCK);
        assertThat(r.code()).isEqualTo(PARENT);
        assertThat(r.hasChild()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outsideChanges")
    void apply_changeOutsideEvolveBlock_isAcceptedWhenAllowed(String name, String sample) {
        Result r = DiffFormat.apply(PARENT, sample, new Options(true, false));
        assertThat(r.status()).isEqualTo(Status.APPLIED);
        assertThat(r.code()).isNotEqualTo(PARENT);
    }

    @Test
    void apply_searchSpanningMarkerKeptIdentical_isAccepted() {
        Result r = DiffFormat.apply(PARENT, block("    // EVOLVE-BLOCK-START\n    public static double[] solve() {\n",
                "    // EVOLVE-BLOCK-START\n    static final int K = 3;\n    public static double[] solve() {\n"));
        assertThat(r.status()).isEqualTo(Status.APPLIED);
    }

    @Test
    void apply_parentWithoutMarkers_isEvolvableAsAWhole() {
        Result r = DiffFormat.apply("class A {}\n", block("class A {}\n", "class B {}\n"));
        assertThat(r.status()).isEqualTo(Status.APPLIED);
        assertThat(r.code()).isEqualTo("class B {}\n");
    }

    @Test
    void render_blocks_parseBackToTheSameBlocks() {
        List<DiffFormat.Block> blocks = List.of(new DiffFormat.Block(List.of("a", "  b"), List.of()),
                new DiffFormat.Block(List.of("c"), List.of("d", "", "e")));
        assertThat(DiffFormat.parse(DiffFormat.render(blocks)).blocks()).isEqualTo(blocks);
    }
}
