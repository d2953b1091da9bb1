package dev.thetaevolve.evaluate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** In-process: compiling and scanning never run candidate code, so no worker is needed here. */
class CandidateCompilerTest {

    private final CandidateCompiler compiler = new CandidateCompiler(CandidateCompilerTest.class.getClassLoader());

    @Test
    void compile_java7Source_usesJaninoAndFindsEntry() {
        CandidateCompiler.Compiled c = compiler.compile(TestProblems.cand("return grid();"), "double[][]");
        assertThat(c.ok()).as(c.message()).isTrue();
        assertThat(c.tier()).isEqualTo(Tier.JANINO);
        assertThat(c.entryClass()).isEqualTo("Cand");
        assertThat(c.classes()).containsKey("Cand");
    }

    @Test
    void compile_lambdaInDeadBranch_isScannedInJavacTier() {
        CandidateCompiler.Compiled c = compiler.compile(TestProblems.cand(
                "Runnable r = () -> System.exit(3);\nif (System.nanoTime() < 0) r.run();\nreturn grid();"), "double[][]");
        assertThat(c.tier()).isEqualTo(Tier.JAVAC);
        assertThat(c.errorKind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(c.message()).contains("java.lang.System.exit").contains("lambda$solve$");
    }

    @Test
    void compile_bothTiersFail_reportsJavacThenJanino() {
        CandidateCompiler.Compiled c = compiler.compile("public class Cand {\n  public static double[][] solve() {\n    return undefinedName;\n  }\n}\n", "double[][]");
        assertThat(c.errorKind()).isEqualTo(ErrorKind.COMPILE);
        assertThat(c.message()).startsWith("line 3, column").contains("undefinedName").contains("(janino: line 3");
    }

    @Test
    void fileName_followsThePublicClass() {
        assertThat(CandidateCompiler.fileName("import java.util.*;\npublic final class Packer {}")).isEqualTo("Packer.java");
        assertThat(CandidateCompiler.fileName("class Hidden {}")).isEqualTo("Candidate.java");
        assertThat(CandidateCompiler.fileName("public sealed interface Shape permits A {}")).isEqualTo("Shape.java");
        assertThat(CandidateCompiler.fileName("public non-sealed class Open {}")).isEqualTo("Open.java");
        assertThat(CandidateCompiler.fileName("/* public class InComment */ // public class InLine\n"
                + "class A { String s = \"public class InString\"; char c = '\\''; }\npublic record Real(int x) {}")).isEqualTo("Real.java");
    }

    /** The regular expression this replaced overflowed its stack on such input (issue 12). */
    @Test
    void fileName_hugeRunOfModifiers_isLinear() {
        String source = "/* public " + "final ".repeat(159_000) + "*/\npublic " + "final ".repeat(159_000) + "class Late {}";
        assertThat(CandidateCompiler.fileName(source)).isEqualTo("Late.java");
    }

    @Test
    void compile_hugeUndefinedIdentifier_isCompileWithACappedMessage() {
        CandidateCompiler.Compiled c = compiler.compile(TestProblems.cand("double y = " + "q".repeat(480_000) + ";\nreturn grid();"), "double[][]");
        assertThat(c.errorKind()).isEqualTo(ErrorKind.COMPILE);
        assertThat(c.message()).contains("more characters]").hasSizeLessThanOrEqualTo(Messages.WHOLE);
    }

    @Test
    void compile_catchesJvmErrors_isFlagged() {
        assertThat(compiler.compile(TestProblems.cand("try { return grid(); } catch (StackOverflowError e) { return null; }"), "double[][]")
                .catchesErrors()).isTrue();
        assertThat(compiler.compile(TestProblems.cand("try { return grid(); } catch (Throwable e) { return null; }"), "double[][]")
                .catchesErrors()).isTrue();
        assertThat(compiler.compile(TestProblems.cand("try { return grid(); } catch (RuntimeException e) { return null; } finally { }"), "double[][]")
                .catchesErrors()).isFalse();
    }

    @Test
    void cap_marksTheCut() {
        assertThat(Messages.cap("short", 10)).isEqualTo("short");
        String cut = Messages.cap("x".repeat(10_000), 100);
        assertThat(cut).hasSizeLessThanOrEqualTo(100 + 40).endsWith("[cut: 9940 more characters]");
    }
}
