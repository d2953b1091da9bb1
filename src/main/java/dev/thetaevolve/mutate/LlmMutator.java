package dev.thetaevolve.mutate;

import dev.thetaevolve.llm.ChatMessage;
import dev.thetaevolve.llm.Completion;
import dev.thetaevolve.llm.FailureCause;
import dev.thetaevolve.llm.LlmCall;
import dev.thetaevolve.llm.LlmEndpoint;
import dev.thetaevolve.llm.LlmException;
import dev.thetaevolve.llm.LlmMetrics;
import dev.thetaevolve.llm.LlmResponse;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.llm.SamplingClient;
import dev.thetaevolve.llm.SamplingScope;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A language model as a {@link Mutator}: one prompt per parent, K samples per parent, either as one
 * request with {@code n = K} (vLLM, SGLang: the server batches them on one prompt prefix) or as K requests
 * with {@code n = 1} (llama.cpp server, Ollama). A sample's future completes when its response arrives
 * and fails (never throws) when the request fails. {@link Sample#text()} keeps the raw answer, reasoning
 * included (a server-split {@code reasoning_content} is put back inside {@code <think>} tags): the diff
 * parser strips it. The engine calls {@link #endStep()} at a step's end to cancel leftover requests,
 * and reports rewards and apply outcomes back for the UCB bandit and the per-model apply-failure meter.
 * A server that answers {@code n = K} with fewer choices (it ignores {@code n}) is caught on the first
 * such answer: the missing samples are asked for one request each, the mutator says so once at WARN and
 * from then on sends one request per sample, as {@code --llm-no-n} would. Thread-safe.
 */
public final class LlmMutator implements Mutator {
    private final SamplingClient client;
    private final PromptBuilder prompts;
    private final AtomicReference<SamplingScope> step;
    /** Set once a server ignored n: every later sample is its own request. */
    private final java.util.concurrent.atomic.AtomicBoolean onePerSample = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LlmMutator.class.getName());

    public LlmMutator(SamplingClient client, PromptBuilder prompts) {
        this.client = client;
        this.prompts = prompts;
        this.step = new AtomicReference<>(client.openScope());
    }

    /**
     * The CLI's entry point: {@code run --mutator llm --llm-url URL --llm-model NAME [--llm-key-env VAR]}
     * builds {@link LlmSettings} (see its builder) and calls this. Uses the JDK HTTP client and the
     * configured tokenizer.json (or the chars/4 estimate).
     */
    public static LlmMutator create(LlmSettings settings) {
        return create(SamplingClient.create(settings));
    }

    /** A mutator over a ready sampling client (the application passes one built on the Quarkus REST Client). */
    public static LlmMutator create(SamplingClient client) {
        return new LlmMutator(client, new PromptBuilder(client.tokenCounter(), client.settings().promptTokenBudget()));
    }

    @Override
    public List<CompletableFuture<Sample>> sample(MutationRequest request) {
        Prompt prompt = prompts.build(request);
        List<ChatMessage> messages = List.of(ChatMessage.system(prompt.system()), ChatMessage.user(prompt.user()));
        LlmSettings s = client.settings();
        SamplingScope scope = step.get();
        int k = request.samples();
        List<CompletableFuture<Sample>> out = new ArrayList<>(k);
        LlmCall one = new LlmCall(messages, s.params().withN(1));
        if (s.useN() && !onePerSample.get()) {
            CompletableFuture<Completion> call = client.submit(scope, new LlmCall(messages, s.params().withN(k)));
            for (int i = 0; i < k; i++) {
                int index = i;
                out.add(call.thenCompose(c -> index < c.response().choices().size()
                        ? CompletableFuture.completedFuture(toSample(c, index, index, k, prompt))
                        : missing(c, k, scope, one).thenApply(c1 -> toSample(c1, 0, index, k, prompt))));
            }
        } else {
            for (int i = 0; i < k; i++) {
                int index = i;
                out.add(client.submit(scope, one).thenApply(c -> toSample(c, 0, index, k, prompt)));
            }
        }
        return out;
    }

    /** A sample the server left out of an n = K answer: asked for alone; the first time, switch to one request per sample. */
    private CompletableFuture<Completion> missing(Completion c, int k, SamplingScope scope, LlmCall one) {
        if (onePerSample.compareAndSet(false, true)) {
            int got = c.response().choices().size();
            LOG.warning("the server " + c.endpoint().name() + " returned " + got + (got == 1 ? " choice" : " choices") + " for n = " + k
                    + "; asking for the missing samples one request each, and sending one request per sample from now on"
                    + " (use --llm-no-n to start that way)");
        }
        return client.submit(scope, one);
    }

    /** True once a server ignored {@code n} and the mutator switched to one request per sample. */
    public boolean onePerSample() {
        return onePerSample.get() || !client.settings().useN();
    }

    private static Sample toSample(Completion c, int choice, int sampleIndex, int k, Prompt prompt) {
        List<LlmResponse.Choice> choices = c.response().choices();
        if (choice >= choices.size()) {
            throw new LlmException(FailureCause.MALFORMED, c.endpoint().name() + " returned " + choices.size() + " of " + k
                    + " choices; if the server ignores n, sample with one request per sample");
        }
        LlmResponse.Choice ch = choices.get(choice);
        String text = ch.reasoning() == null || ch.reasoning().isEmpty() ? ch.text() : "<think>" + ch.reasoning() + "</think>" + ch.text();
        Completion.ChoiceTokens t = c.choiceTokens().get(choice);
        // one choice: the server's usage is exact; several: per-choice counts from the token counter
        boolean single = choices.size() == 1;
        int completion = single ? c.completionTokens() : t.total();
        int reasoning = single ? c.reasoningTokens() : t.reasoning();
        LlmEndpoint e = c.endpoint();
        String summary = e.model() + " sample " + (sampleIndex + 1) + "/" + k + ", finish=" + ch.finishReason()
                + ", " + reasoning + " reasoning + " + (completion - reasoning) + " answer tokens";
        List<Double> logprobs = ch.logprobs().stream().map(LlmResponse.TokenLogprob::logprob).toList();
        return new Sample(text, summary, c.promptTokens(), reasoning, completion, e.name(), prompt.system() + "\n\n" + prompt.user(), logprobs);
    }

    /** Cancels the current step's leftover requests and opens the next step; returns how many were cancelled. */
    public int endStep() {
        return step.getAndSet(client.openScope()).cancel();
    }

    /** The engine's reward for a sample (feeds the UCB bandit over endpoints, scored per generated token). */
    public void reportReward(Sample sample, double reward) {
        client.reportReward(sample.model(), reward, sample.completionTokens());
    }

    /** Whether a sample gave an applicable edit (a matching SEARCH/REPLACE block or a full rewrite). */
    public void reportApply(Sample sample, boolean applied) {
        client.metrics().recordApply(sample.model(), applied);
    }

    /** True once the run's token or cost budget is spent: stop and mark the run budget-exhausted. */
    public boolean budgetExhausted() {
        return client.budget().exhausted();
    }

    public LlmMetrics metrics() {
        return client.metrics();
    }

    public SamplingClient client() {
        return client;
    }

    @Override
    public void stepEnded() {
        endStep();
    }

    @Override
    public void outcome(Sample sample, boolean applied, double reward) {
        reportApply(sample, applied);
        reportReward(sample, reward);
    }

    @Override
    public boolean exhausted() {
        return budgetExhausted();
    }

    @Override
    public String failure() {
        LlmException gaveUp = client.fatalFailure();
        return gaveUp == null ? null : gaveUp.getMessage();
    }

    @Override
    public String name() {
        return client.settings().endpoints().stream().map(LlmEndpoint::model).collect(Collectors.joining("+"));
    }

    @Override
    public void close() {
        step.get().cancel();
        client.close();
    }
}
