package dev.thetaevolve.mutate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MinimalDiffTest {

    static Stream<Arguments> changes() {
        String repeated = "a\nx = 1;\nb\nx = 1;\nc\n";
        return Stream.of(
                Arguments.of("one line", "a\nb\nc\n", "a\nB\nc\n", List.of("a", "b", "c")),
                Arguments.of("first of repeated lines", repeated, repeated.replaceFirst("x = 1;", "x = 2;"), List.of("a", "x = 1;", "b")),
                Arguments.of("second of repeated lines", repeated, "a\nx = 1;\nb\nx = 2;\nc\n", List.of("b", "x = 1;", "c")),
                Arguments.of("identical context needs more lines", "k\nx\nk\nm\nx\nk\n", "k\nx\nk\nm\nY\nk\n", List.of("m", "x", "k")),
                Arguments.of("insertion", "a\nb\n", "a\nnew\nb\n", List.of("a", "b")),
                Arguments.of("deletion of the first line", "a\nb\nc\n", "b\nc\n", List.of("a", "b")),
                Arguments.of("change of the last line", "a\nb", "a\nB", List.of("a", "b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void between_change_yieldsSmallBlockThatReproducesTheChild(String name, String parent, String child, List<String> search) {
        DiffFormat.Block block = MinimalDiff.between(parent, child);
        assertThat(block.search()).isEqualTo(search);
        DiffFormat.Result r = DiffFormat.apply(parent, DiffFormat.render(List.of(block)));
        assertThat(r.code()).isEqualTo(child);
    }
}
