package dev.thetaevolve.rl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thetaevolve.evolve.StepObserver;
import dev.thetaevolve.evolve.StepSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The path from a run to an external RL trainer for LLM weights (Ray-, Kubernetes- or anything-based).
 * After each committed step it
 * <ol>
 *   <li>exports the step's GRPO groups as JSONL ({@link GroupsJsonl}), optionally to a file too;</li>
 *   <li>POSTs them to the trainer ({@code Content-Type: application/x-ndjson}, header
 *       {@code X-Thetaevolve-Step}); the trainer answers 2xx when the new weights are written, optionally
 *       with JSON {@code {"weights_path": "..."}};</li>
 *   <li>asks the inference server to load them: vLLM {@code POST /v1/load_lora_adapter
 *       {"lora_name","lora_path"}} or SGLang {@code POST /update_weights_from_disk {"model_path"}}.</li>
 * </ol>
 * After a vLLM load succeeds, the bridge tells its {@link #onAdapterLoaded adapter listener} (the run wires
 * it to the sampling client, so the next samples ask for the new adapter by its {@code lora_name}), and
 * unloads adapters older than the newest {@code keepAdapters}. SGLang replaces the weights under the same
 * model name, so sampling goes on asking for the configured model.
 * With {@code waitForWeights} the step's observer call returns after the reload, so the next step samples
 * from the new weights, and a failure (non-2xx, timeout) propagates from {@code Engine.step()} after the
 * commit. Without it the calls run on the bridge's own single thread, steps strictly in order, the run goes
 * on meanwhile, and a failure is kept in {@link #lastError()} (later steps still go out). Uses the JDK
 * HttpClient; {@link #close()} waits for queued steps.
 */
public final class TrainerBridge implements StepObserver, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BridgeSettings settings;
    private final RewardFunction rewards;
    private final Rollouts.Describer describer;
    private final HttpClient http;
    private final ExecutorService background;
    private final AtomicReference<Throwable> lastError = new AtomicReference<>();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    /** vLLM adapters this bridge loaded and has not unloaded, oldest first. */
    private final java.util.Deque<String> loaded = new java.util.ArrayDeque<>();
    private volatile java.util.function.BiConsumer<URI, String> adapterListener = (server, name) -> { };
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(TrainerBridge.class.getName());

    /**
     * @param describer how a child reads as prompt and completion (see {@link Rollouts#completions})
     */
    public TrainerBridge(BridgeSettings settings, RewardFunction rewards, Rollouts.Describer describer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rewards = Objects.requireNonNull(rewards, "rewards");
        this.describer = Objects.requireNonNull(describer, "describer");
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.background = settings.waitForWeights() ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "trainer-bridge");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Told {@code (inference server URL, lora_name)} after each successful vLLM adapter load, on the thread
     * that loaded it (the engine's, or the bridge's own without waitForWeights).
     */
    public TrainerBridge onAdapterLoaded(java.util.function.BiConsumer<URI, String> listener) {
        this.adapterListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The vLLM adapters loaded by this bridge and still on the server, oldest first. */
    public synchronized List<String> loadedAdapters() {
        return List.copyOf(loaded);
    }

    @Override
    public void stepCommitted(StepSummary summary, List<Child> children) {
        String jsonl = GroupsJsonl.write(settings.run(), summary.step(), Rollouts.of(summary.step(), children, rewards, describer));
        if (background == null) {
            push(summary.step(), jsonl);
            return;
        }
        synchronized (this) {
            tail = tail.thenRunAsync(() -> {
                try {
                    push(summary.step(), jsonl);
                } catch (RuntimeException e) {
                    lastError.set(e);
                }
            }, background);
        }
    }

    /** Export, train, reload: one step, synchronously. */
    void push(int step, String jsonl) {
        if (settings.exportDir() != null) {
            try {
                Files.createDirectories(settings.exportDir());
                Files.writeString(settings.exportDir().resolve(String.format("step-%06d.jsonl", step)), jsonl);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the step's JSONL under " + settings.exportDir(), e);
            }
        }
        HttpRequest train = HttpRequest.newBuilder(settings.trainer()).timeout(settings.timeout())
                .header("Content-Type", "application/x-ndjson").header("X-Thetaevolve-Step", Integer.toString(step))
                .POST(HttpRequest.BodyPublishers.ofString(jsonl)).build();
        String answer = send(train, "trainer");
        if (settings.inference() == BridgeSettings.Inference.NONE) return;
        String path = weightsPath(answer, step);
        ObjectNode body = JSON.createObjectNode();
        if (settings.inference() == BridgeSettings.Inference.VLLM) {
            String name = settings.adapterName().replace("{step}", Integer.toString(step));
            body.put("lora_name", name).put("lora_path", path);
            post(settings.inferenceUrl().resolve("/v1/load_lora_adapter"), body);
            adapterListener.accept(settings.inferenceUrl(), name);
            unloadOld(name);
        } else {
            body.put("model_path", path);
            post(settings.inferenceUrl().resolve("/update_weights_from_disk"), body);
        }
    }

    private void post(URI uri, ObjectNode body) {
        send(HttpRequest.newBuilder(uri).timeout(settings.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), "inference server");
    }

    /** Remembers {@code name} as the newest adapter and unloads those beyond keepAdapters; a failed unload is only logged. */
    private void unloadOld(String name) {
        List<String> drop = new java.util.ArrayList<>();
        synchronized (this) {
            loaded.remove(name); // a name without {step} is reloaded in place
            loaded.addLast(name);
            while (settings.keepAdapters() > 0 && loaded.size() > settings.keepAdapters()) drop.add(loaded.pollFirst());
        }
        for (String old : drop) {
            try {
                post(settings.inferenceUrl().resolve("/v1/unload_lora_adapter"), JSON.createObjectNode().put("lora_name", old));
            } catch (RuntimeException e) {
                LOG.warning("could not unload the LoRA adapter " + old + " (it stays on the server): " + e.getMessage());
            }
        }
    }

    private String weightsPath(String trainerAnswer, int step) {
        try {
            JsonNode n = trainerAnswer.isBlank() ? null : JSON.readTree(trainerAnswer);
            if (n != null && n.hasNonNull("weights_path")) return n.get("weights_path").asText();
        } catch (IOException e) {
            // a non-JSON answer carries no path: the configured one applies
        }
        return settings.weightsPath().replace("{step}", Integer.toString(step));
    }

    private String send(HttpRequest request, String who) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(who + " at " + request.uri() + " answered HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(who + " at " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(who + " at " + request.uri() + ": interrupted", e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    /** The newest failure of a background push (only without waitForWeights); null when none. */
    public Throwable lastError() {
        return lastError.get();
    }

    /** Waits until every queued step has been pushed (background mode), then stops the bridge's thread. */
    @Override
    public void close() {
        if (background == null) return;
        CompletableFuture<Void> last;
        synchronized (this) {
            last = tail;
        }
        last.join();
        background.shutdown();
        try {
            background.awaitTermination(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
