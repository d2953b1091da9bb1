package dev.thetaevolve.api;

import dev.thetaevolve.api.Dtos.RunRequest;
import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.rl.RewardType;
import dev.thetaevolve.service.MutatorKind;
import dev.thetaevolve.service.RunNames;
import dev.thetaevolve.service.RunSettings;

import java.util.regex.Pattern;

/**
 * Turns a POST /api/runs body into run settings through {@link RunSettings#builder()}, which holds the
 * defaults and the checks; here only what is the endpoint's own: the name's form and the key variable.
 */
final class RunRequests {
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

    private RunRequests() {
    }

    /**
     * @throws IllegalArgumentException naming the field and quoting the value
     */
    static RunSettings settings(RunRequest r, ProblemSpec spec, int defaultWorkers) {
        return settings(r, spec, defaultWorkers, null, null);
    }

    /**
     * @param defaultLlmUrl   thetaevolve.llm.url, used when the body names no llm.url (may be null)
     * @param defaultLlmModel thetaevolve.llm.model, likewise
     * @throws IllegalArgumentException naming the field and quoting the value
     * @throws IllegalStateException    for fields that conflict
     */
    static RunSettings settings(RunRequest r, ProblemSpec spec, int defaultWorkers, String defaultLlmUrl, String defaultLlmModel) {
        if (r.name() != null) RunNames.check(r.name());
        RunSettings.Builder b = RunSettings.builder().forProblem(spec)
                .mutator(r.mutator() == null ? null : MutatorKind.parse(r.mutator()))
                .steps(r.steps()).minutes(r.minutes()).workers(r.workers() == null ? defaultWorkers : r.workers())
                .parents(r.parents()).samples(r.samples()).seed(r.seed()).tolerance(r.tolerance())
                .async(r.async()).lazyLevel2(r.lazyLevel2())
                .mode(r.mode() == null ? null : Mode.parse(r.mode())).searchBudgetMillis(r.searchBudgetMillis()).searchStarts(r.searchStarts())
                .rl(Boolean.TRUE.equals(r.rl())).reward(r.reward() == null ? null : RewardType.parse(r.reward()))
                .llmDefaults(defaultLlmUrl, defaultLlmModel).evaluators(r.evaluators()).llmLimits(limits(r.llm()));
        if (r.llm() != null) {
            if (r.llm().keyEnv() != null) checkKeyEnv(r.llm().keyEnv());
            b.llmUrl(r.llm().url()).llmModel(r.llm().model()).llmKeyEnv(r.llm().keyEnv()).llmNoN(Boolean.TRUE.equals(r.llm().noN()))
                    .llmTokenBudget(r.llm().tokenBudget() == null ? 0 : r.llm().tokenBudget());
        }
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // conflicting fields are the client's mistake too: 400
        }
    }

    /** llm.timeout ("300", "90s", "5m"), llm.maxFailures, llm.maxRetryWait; null when none is given. */
    private static RunSettings.LlmLimits limits(Dtos.LlmDto llm) {
        if (llm == null || (llm.timeout() == null && llm.maxFailures() == null && llm.maxRetryWait() == null)) return null;
        try {
            return new RunSettings.LlmLimits(llm.timeout(), llm.maxFailures(), llm.maxRetryWait());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("llm timeout", "llm.timeout").replace("llm max retry wait", "llm.maxRetryWait")
                    .replace("llm max failures", "llm.maxFailures"));
        }
    }

    /**
     * The key's environment variable must not be one of the service's own secrets: a run could otherwise
     * send the API token or the database password to any URL as its "API key".
     */
    static void checkKeyEnv(String keyEnv) {
        if (!ENV.matcher(keyEnv).matches()) throw new IllegalArgumentException("llm.keyEnv must be an environment variable name, got '" + keyEnv + "'");
        String up = keyEnv.toUpperCase(java.util.Locale.ROOT);
        if (up.startsWith("THETAEVOLVE_") || up.startsWith("QUARKUS_") || up.startsWith("PG") || up.contains("DATASOURCE")) {
            throw new IllegalArgumentException("llm.keyEnv may not name one of the service's own settings, got '" + keyEnv + "'");
        }
    }
}
