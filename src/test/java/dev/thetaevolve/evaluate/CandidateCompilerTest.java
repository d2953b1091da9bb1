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
    }
}
