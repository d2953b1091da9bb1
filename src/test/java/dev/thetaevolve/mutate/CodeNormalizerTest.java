package dev.thetaevolve.mutate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CodeNormalizerTest {

    private static final String PARENT = """
            public class Cand {
                // EVOLVE-BLOCK-START
                public static double[] solve() {
                    double a = 1.0; // first
                    /* second */ double b = 2.0;
                    return new double[] {a, b};
                }
                // EVOLVE-BLOCK-END
            }
            """;

    @Test
    void normalize_commentsMarkersAndBlankLines_areGone() {
        assertThat(CodeNormalizer.normalize(PARENT)).isEqualTo("""
                public class Cand {
                public static double[] solve() {
                double a = 1.0;
                double b = 2.0;
                return new double[] {a, b};
                }
                }""");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "String s = \"// not a comment\";|String s = \"// not a comment\";",
            "String s = \"/* not */ a\";|String s = \"/* not */ a\";",
            "String s = \"a\\\"//b\";|String s = \"a\\\"//b\";",
            "char c = '\"'; // gone|char c = '\"';",
            "char c = '/'; int d = 1 /* gone */ ;|char c = '/'; int d = 1 ;",
            "x = \"  two  spaces \";|x = \"  two  spaces \";",
            "x   =\t\t1;   // c|x = 1;"})
    void normalize_literalsAndComments_keepsLiteralsVerbatim(String source, String expected) {
        assertThat(CodeNormalizer.normalize(source)).isEqualTo(expected);
    }

    @Test
    void normalize_textBlock_keepsContentOnOneLine() {
        String source = "String t = \"\"\"\n    // kept\n      /* kept */\n    \"\"\"; // gone\n";
        assertThat(CodeNormalizer.normalize(source)).isEqualTo("String t = \"\"\"\\n    // kept\\n      /* kept */\\n    \"\"\";");
    }

    static Stream<Arguments> lazyPairs() {
        return Stream.of(
                Arguments.of("identical", PARENT, true),
                Arguments.of("CRLF", PARENT.replace("\n", "\r\n"), true),
                Arguments.of("comment changed", PARENT.replace("// first", "// better now"), true),
                Arguments.of("comment removed", PARENT.replace("/* second */ ", ""), true),
                Arguments.of("trailing spaces and blank lines", PARENT.replace(";\n", ";   \n\n\n"), true),
                Arguments.of("re-indented", PARENT.replace("        ", "\t"), true),
                Arguments.of("markers removed", PARENT.replace("// EVOLVE-BLOCK-START", ""), true),
                Arguments.of("literal changed", PARENT.replace("1.0", "1.5"), false),
                Arguments.of("statement added", PARENT.replace("return", "a++;\n return"), false),
                Arguments.of("string content changed", PARENT.replace("double a = 1.0;", "String a = \"x  y\";"), false),
                Arguments.of("operator spacing", PARENT.replace("{a, b}", "{a,b}"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lazyPairs")
    void isLazy_pairs_matchesTable(String name, String child, boolean lazy) {
        assertThat(CodeNormalizer.isLazy(PARENT, child)).isEqualTo(lazy);
        assertThat(CodeNormalizer.hash(PARENT).equals(CodeNormalizer.hash(child))).isEqualTo(lazy);
    }

    @Test
    void isLazy_stringsDifferOnlyInCommentLikeText_isNotLazy() {
        assertThat(CodeNormalizer.isLazy("s = \"a // b\";", "s = \"a // c\";")).isFalse();
    }

    @Test
    void hash_any_isStableSha256Hex() {
        assertThat(CodeNormalizer.hash("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(CodeNormalizer.hash(PARENT)).hasSize(64).matches("[0-9a-f]{64}");
    }
}
