package dev.thetaevolve.rl;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the {@link TrainerBridge} sends a step's GRPO groups and how it has the inference server reload.
 * Immutable; built and validated by {@link #builder()}.
 *
 * @param trainer        trainer endpoint that receives each step's JSONL (POST, application/x-ndjson)
 * @param inference      which reload call the inference server understands
 * @param inferenceUrl   base URL of the inference server (required unless inference is NONE)
 * @param adapterName    vLLM LoRA adapter name; "{step}" is replaced by the step number ("thetaevolve")
 * @param weightsPath    where the trainer leaves new weights, as the inference server sees the path; "{step}"
 *                       is replaced; a "weights_path" in the trainer's JSON answer overrides it
 * @param waitForWeights true: the next step starts only after the reload; false: the run goes on with the old
 *                       weights while the bridge works through the steps in order on its own thread
 * @param exportDir      when set, each step's JSONL is also written to {@code step-NNNNNN.jsonl} there
 * @param timeout        per HTTP request (10 minutes: training a step can take that long)
 * @param run            run name written into each JSONL line
 * @param keepAdapters   vLLM: LoRA adapters left loaded on the server, the newest included (default 2: the one
 *                       being sampled and the one before it, which requests still in flight may use); each
 *                       older one is unloaded ({@code POST /v1/unload_lora_adapter}) once a new one is loaded.
 *                       0 = never unload
 */
public record BridgeSettings(URI trainer, Inference inference, URI inferenceUrl, String adapterName, String weightsPath,
                             boolean waitForWeights, Path exportDir, Duration timeout, String run, int keepAdapters) {

    /** The inference server's reload API. */
    public enum Inference {
        /** No reload call (the trainer swaps weights itself). */
        NONE,
        /** vLLM: {@code POST /v1/load_lora_adapter {"lora_name", "lora_path"}}. */
        VLLM,
        /** SGLang: {@code POST /update_weights_from_disk {"model_path"}}. */
        SGLANG;

        public static Inference parse(String word) {
            try {
                return valueOf(word.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("inference must be one of none, vllm, sglang, got '" + word + "'");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private URI trainer;
        private Inference inference = Inference.NONE;
        private URI inferenceUrl;
        private String adapterName = "thetaevolve";
        private String weightsPath;
        private boolean waitForWeights = true;
        private Path exportDir;
        private Duration timeout = Duration.ofMinutes(10);
        private String run = "run";
        private int keepAdapters = 2;

        public Builder trainer(String url) { trainer = uri("trainer", url); return this; }
        public Builder inference(Inference v) { inference = Objects.requireNonNull(v, "inference"); return this; }
        public Builder inferenceUrl(String url) { inferenceUrl = uri("inferenceUrl", url); return this; }
        public Builder adapterName(String v) { adapterName = v; return this; }
        public Builder weightsPath(String v) { weightsPath = v; return this; }
        public Builder waitForWeights(boolean v) { waitForWeights = v; return this; }
        public Builder exportDir(Path v) { exportDir = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder run(String v) { run = v; return this; }
        public Builder keepAdapters(int v) { keepAdapters = v; return this; }

        private static URI uri(String option, String url) {
            try {
                URI u = URI.create(url);
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) throw new IllegalArgumentException("not http(s)");
                return u;
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(option + " must be an http(s) URL, got '" + url + "'");
            }
        }

        public BridgeSettings build() {
            if (trainer == null) throw new IllegalArgumentException("trainer must be set to the trainer's http(s) URL, got 'null'");
            if (inference != Inference.NONE && inferenceUrl == null) {
                throw new IllegalStateException("inference '" + inference.name().toLowerCase(Locale.ROOT) + "' needs inferenceUrl");
            }
            if (inference != Inference.NONE && (weightsPath == null || weightsPath.isBlank())) {
                throw new IllegalStateException("inference '" + inference.name().toLowerCase(Locale.ROOT) + "' needs weightsPath (the trainer may override it per step)");
            }
            if (adapterName == null || adapterName.isBlank()) throw new IllegalArgumentException("adapterName must not be blank, got '" + adapterName + "'");
            if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, got '" + timeout + "'");
            if (run == null || run.isBlank()) throw new IllegalArgumentException("run must not be blank, got '" + run + "'");
            if (keepAdapters < 0) throw new IllegalArgumentException("keepAdapters must be >= 0 (0 = never unload), got '" + keepAdapters + "'");
            return new BridgeSettings(trainer, inference, inferenceUrl, adapterName, weightsPath, waitForWeights, exportDir, timeout, run, keepAdapters);
        }
    }
}
