package dev.thetaevolve.evolve;

import dev.thetaevolve.llm.CharEstimateCounter;
import dev.thetaevolve.llm.HttpLlmClient;
import dev.thetaevolve.llm.LlmEndpoint;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.llm.OpenAiTestServer;
import dev.thetaevolve.llm.OpenAiTestServer.Reply;
import dev.thetaevolve.llm.SamplingClient;
import dev.thetaevolve.mutate.LlmMutator;
import dev.thetaevolve.mutate.PromptBuilder;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (a main, not a test): how often a model that edits the <em>last</em> program in its prompt
 * produces a NO_DIFF child. A loopback OpenAI-compatible server answers every sample with one
 * SEARCH/REPLACE edit of a decimal literal inside the EVOLVE-BLOCK of the last ```java block of the user
 * message; the engine (circle_packing_26, in-process evaluator) applies it to the parent. With the
 * inspirations after the parent, the last program is an inspiration and the edit often misses the parent.
 *
 * <p>Args: steps parents samples (defaults 8 4 4: 128 samples, 2 inspirations per prompt).
 */
public final class PromptLayoutBenchmark {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int parents = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Problem problem = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger withInspirations = new AtomicInteger();
        AtomicInteger lastIsParent = new AtomicInteger();
        AtomicInteger prompts = new AtomicInteger();
        try (var server = OpenAiTestServer.start(r -> {
            String user = r.body().path("messages").get(1).path("content").asText();
            prompts.incrementAndGet();
            Matcher m = JAVA_BLOCK.matcher(user);
            List<String> blocks = new ArrayList<>();
            while (m.find()) blocks.add(m.group(1));
            if (blocks.size() > 1) withInspirations.incrementAndGet();
            int n = Math.max(1, r.body().path("n").asInt(1));
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) answers.add(editLast(blocks.get(blocks.size() - 1), counter.getAndIncrement()));
            return Reply.ok(OpenAiTestServer.chat(answers, 1000, 100 * n));
        })) {
            LlmSettings s = LlmSettings.builder().endpoint(LlmEndpoint.of(server.baseUrl(), "last-program-editor", null)).build();
            SamplingClient client = new SamplingClient(s, e -> new HttpLlmClient(e.baseUrl(), e.apiKey()), new CharEstimateCounter(), new SplittableRandom(1));
            InMemoryRunStore store = new InMemoryRunStore();
            EngineConfig config = EngineConfig.builder().parents(parents).samples(samples).seed(7).islands(2).populationCap(500).archiveSize(50).build();
            try (LlmMutator mutator = new LlmMutator(client, new PromptBuilder(client.tokenCounter(), s.promptTokenBudget()))) {
                Engine e = Engine.start(problem, config, new InProcessEvaluator(), mutator, store, System::nanoTime);
                for (int i = 0; i < steps; i++) e.step();
            }
            List<ChildRecord> children = store.programs().subList(1, store.programs().size());
            long noDiff = children.stream().filter(c -> c.status() == ChildStatus.NO_DIFF).count();
            long valid = children.stream().filter(c -> c.status() == ChildStatus.VALID).count();
            // the NO_DIFF rate among samples whose prompt showed inspirations (step 1 shows none: only the seed exists)
            long laterChildren = children.stream().filter(c -> c.step() > 1).count();
            long laterNoDiff = children.stream().filter(c -> c.step() > 1 && c.status() == ChildStatus.NO_DIFF).count();
            System.out.printf(Locale.ROOT, "samples %d, NO_DIFF %d (%.1f%%), valid %d; prompts %d, with inspirations %d; steps 2..%d: NO_DIFF %d of %d (%.1f%%)%n",
                    children.size(), noDiff, 100.0 * noDiff / children.size(), valid, prompts.get(), withInspirations.get(),
                    steps, laterNoDiff, laterChildren, 100.0 * laterNoDiff / Math.max(1, laterChildren));
        }
    }

    /** One edit of the program's k-th decimal literal line (inside its EVOLVE-BLOCK), scaled up or down. */
    static String editLast(String program, int k) {
        List<String> lines = List.of(program.split("\n"));
        int start = -1, end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("EVOLVE-BLOCK-START")) start = i;
            if (lines.get(i).contains("EVOLVE-BLOCK-END")) end = i;
        }
        List<String> candidates = new ArrayList<>();
        for (int i = start + 1; i < end; i++) if (DECIMAL.matcher(lines.get(i)).find()) candidates.add(lines.get(i));
        if (candidates.isEmpty()) return "I see nothing to change.";
        String line = candidates.get(Math.floorMod(k * 7 + 3, candidates.size()));
        Matcher d = DECIMAL.matcher(line);
        d.find();
        double v = Double.parseDouble(d.group());
        double factor = new double[] {1.01, 0.995, 1.02, 0.99}[Math.floorMod(k, 4)];
        String edited = line.substring(0, d.start()) + String.format(Locale.ROOT, "%.6f", v * factor) + line.substring(d.end());
        return "Scaling one constant.\n<<<<<<< SEARCH\n" + line + "\n=======\n" + edited + "\n>>>>>>> REPLACE\n";
    }

    private PromptLayoutBenchmark() {
    }
}
