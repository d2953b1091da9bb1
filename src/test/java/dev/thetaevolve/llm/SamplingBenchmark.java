package dev.thetaevolve.llm;

import dev.thetaevolve.llm.OpenAiTestServer.Reply;
import dev.thetaevolve.mutate.LlmMutator;
import dev.thetaevolve.mutate.MutationRequest;
import dev.thetaevolve.mutate.Parent;
import dev.thetaevolve.mutate.PromptBuilder;
import dev.thetaevolve.mutate.Sample;
import dev.thetaevolve.problem.BestKnown;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.Shaping;
import dev.thetaevolve.problem.Verification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (a main, not a test): one step of P parents × K samples through {@link LlmMutator} against the
 * in-process OpenAI server with a fixed latency, each child "evaluated" for a fixed time on a fixed
 * number of evaluation threads. Prints achieved requests in flight over the configured limit (time
 * average while requests remain), client overhead per request (client-seen latency minus the server's
 * fixed latency), and whether evaluation ever stalled generation (in flight dropping below the limit
 * while requests were still queued).
 *
 * <p>Args: parents samples latencyMs evalMs evalThreads maxInFlight (defaults 32 16 2000 50 2 32).
 */
public final class SamplingBenchmark {

    public static void main(String[] args) throws Exception {
        int parents = arg(args, 0, 32), samples = arg(args, 1, 16), latency = arg(args, 2, 2000);
        int evalMs = arg(args, 3, 50), evalThreads = arg(args, 4, 2), maxInFlight = arg(args, 5, 32);
        System.out.printf(Locale.ROOT, "parents=%d samples=%d latency=%d ms eval=%d ms x %d threads maxInFlight=%d%n",
                parents, samples, latency, evalMs, evalThreads, maxInFlight);
        overhead(maxInFlight);
        for (boolean useN : new boolean[]{true, false}) step(useN, parents, samples, latency, evalMs, evalThreads, maxInFlight);
        System.exit(0);
    }

    private static int arg(String[] a, int i, int dflt) {
        return a.length > i ? Integer.parseInt(a[i]) : dflt;
    }

    private static String answer() {
        return OpenAiTestServer.withReasoning(20, "<<<<<<< SEARCH\n        double step = 0.01;\n=======\n        double step = 0.005;\n>>>>>>> REPLACE\n");
    }

    /** Zero-latency server: requests per second and client time per request at the limit. */
    private static void overhead(int maxInFlight) throws Exception {
        String body = OpenAiTestServer.chat(List.of(answer()), 1500, 600);
        try (var server = OpenAiTestServer.start(r -> Reply.ok(body)); var client = client(server, maxInFlight, true)) {
            var call = new LlmCall(List.of(ChatMessage.user("x".repeat(6000))), SamplingParams.defaults());
            for (int round = 0; round < 2; round++) { // first round warms up
                int n = 3000;
                var scope = client.openScope();
                long t0 = System.nanoTime();
                List<CompletableFuture<Completion>> all = new ArrayList<>(n);
                for (int i = 0; i < n; i++) all.add(client.submit(scope, call));
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
                double secs = (System.nanoTime() - t0) / 1e9;
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "overhead: %d requests at 0 ms server latency in %.2f s = %.0f req/s; %.3f ms wall per request at %d in flight (client + loopback server, one 2-core box)%n",
                            n, secs, n / secs, secs * 1000 / n * maxInFlight, maxInFlight);
                }
            }
        }
    }

    private static SamplingClient client(OpenAiTestServer server, int maxInFlight, boolean useN) {
        var s = LlmSettings.builder().endpoint(LlmEndpoint.of(server.baseUrl(), "bench", ApiKey.of("sk-bench")))
                .maxInFlight(maxInFlight).useN(useN).requestTimeout(Duration.ofMinutes(2)).build();
        return new SamplingClient(s, e -> new HttpLlmClient(e.baseUrl(), e.apiKey()), new CharEstimateCounter(), new SplittableRandom(1));
    }

    private static void step(boolean useN, int parents, int samples, int latency, int evalMs, int evalThreads, int maxInFlight) throws Exception {
        String[] bodies = new String[samples + 1];
        for (int n = 1; n <= samples; n++) bodies[n] = OpenAiTestServer.chat(java.util.Collections.nCopies(n, answer()), 1500, 600 * n);
        try (var server = OpenAiTestServer.start(r -> Reply.ok(bodies[Math.min(samples, Math.max(1, r.body().path("n").asInt(1)))]).after(latency));
             var client = client(server, maxInFlight, useN);
             var mutator = new LlmMutator(client, new PromptBuilder(client.tokenCounter(), 24_000))) {
            ThreadPoolExecutor eval = (ThreadPoolExecutor) Executors.newFixedThreadPool(evalThreads);
            int requests = useN ? parents : parents * samples;
            AtomicInteger evaluated = new AtomicInteger();
            AtomicInteger maxQueue = new AtomicInteger();
            AtomicLong lastSample = new AtomicLong();
            Problem problem = problem();
            long t0 = System.nanoTime();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int p = 0; p < parents; p++) {
                var req = new MutationRequest(problem, new Parent(p, CODE, 2.5 + p * 1e-6, Map.of(), null), List.of(), samples, p);
                for (CompletableFuture<Sample> f : mutator.sample(req)) {
                    done.add(f.whenComplete((s, e) -> {
                        lastSample.accumulateAndGet(System.nanoTime(), Math::max);
                        maxQueue.accumulateAndGet(eval.getQueue().size() + 1, Math::max);
                    }).thenAcceptAsync(s -> {
                        busy(evalMs);
                        evaluated.incrementAndGet();
                    }, eval));
                }
            }
            // time-average of requests in flight while any request is still unsent or open
            long samplesTaken = 0, inFlightSum = 0, stallSamples = 0;
            while (server.completed.get() < requests) { // loop ends when the last reply is written
                int now = client.metrics().inFlight();
                int queued = requests - (int) client.metrics().requests();
                samplesTaken++;
                inFlightSum += now;
                if (queued > 0 && now < maxInFlight) stallSamples++;
                Thread.sleep(2);
            }
            double generationSecs = (lastSample.get() - t0) / 1e9;
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
            double totalSecs = (System.nanoTime() - t0) / 1e9;
            var m = client.metrics().snapshot();
            double clientLatencyMs = m.latencyNanos() / 1e6 / m.requests();
            double serverMs = server.handlerNanos.get() / 1e6 / server.completed.get();
            int waves = (requests + maxInFlight - 1) / maxInFlight;
            double ideal = (double) requests / waves;
            System.out.printf(Locale.ROOT, "%s: %d requests; achieved in flight %.1f of %d configured = %.1f%% (ideal for %d waves %.1f); server max in flight %d;"
                            + " client overhead %.2f ms/request (client-seen %.1f ms - server handler %.1f ms; latency %d ms); generation done %.2f s (ideal %.2f s);"
                            + " evaluation done %.2f s (%d children, backlog max %d); dispatch stalled while requests queued in %.2f%% of probes%n",
                    useN ? "n=K (one request per parent)" : "n=1 (K requests per parent)", requests,
                    (double) inFlightSum / samplesTaken, maxInFlight, 100.0 * inFlightSum / samplesTaken / maxInFlight, waves, ideal,
                    server.maxInFlight.get(), clientLatencyMs - serverMs, clientLatencyMs, serverMs, latency, generationSecs, waves * latency / 1000.0,
                    totalSecs, evaluated.get(), maxQueue.get(), 100.0 * stallSamples / samplesTaken);
            eval.shutdown();
        }
    }

    private static void busy(int millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        try {
            Thread.sleep(millis); // a worker JVM evaluates; this thread only waits for it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        while (System.nanoTime() < end) Thread.onSpinWait();
    }

    private static final String CODE = "public class Packing {\n    public static double[][] solve() {\n        // EVOLVE-BLOCK-START\n"
            + "        double step = 0.01;\n        return new double[26][3];\n        // EVOLVE-BLOCK-END\n    }\n}\n";

    private static Problem problem() {
        var spec = new ProblemSpec("bench", "Benchmark", Direction.MAXIMIZE, ReturnType.DOUBLE_MATRIX, 10_000, 0,
                new BestKnown(2.635, "bench"), new Shaping(0, 2.635, 3, 5), "Maximize.", Path.of("Seed.java"));
        return new Problem(spec, (o, t) -> Verification.invalid("unused"));
    }
}
