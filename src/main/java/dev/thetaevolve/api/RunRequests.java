package dev.thetaevolve.api;

import dev.thetaevolve.api.Dtos.RunRequest;
import dev.thetaevolve.evolve.EngineConfig;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.service.RunSettings;

import java.util.regex.Pattern;

/** Turns a POST /api/runs body into run settings, with the defaults and checks of the endpoint. */
final class RunRequests {
    static final int DEFAULT_STEPS = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
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
     */
    static RunSettings settings(RunRequest r, ProblemSpec spec, int defaultWorkers, String defaultLlmUrl, String defaultLlmModel) {
        if (r.steps() != null && r.steps() < 0) throw new IllegalArgumentException("steps must be >= 0, got '" + r.steps() + "'");
        if (r.minutes() != null && !(r.minutes() >= 0)) throw new IllegalArgumentException("minutes must be >= 0, got '" + r.minutes() + "'");
        int steps = r.steps() != null ? r.steps() : (r.minutes() != null ? 0 : DEFAULT_STEPS);
        double minutes = r.minutes() == null ? 0 : r.minutes();
        if (steps == 0 && minutes == 0) throw new IllegalArgumentException("give steps > 0 or minutes > 0: a run needs a budget");
        if (r.name() != null && !NAME.matcher(r.name()).matches()) {
            throw new IllegalArgumentException("name must be 1-100 letters, digits, '.', '_' or '-', got '" + r.name() + "'");
        }
        EngineConfig engine = EngineConfig.builder()
                .parents(r.parents() == null ? 32 : r.parents())
                .samples(r.samples() == null ? 16 : r.samples())
                .seed(r.seed() == null ? 0 : r.seed())
                .tolerance(r.tolerance() == null ? spec.defaultTolerance() : r.tolerance())
                .async(Boolean.TRUE.equals(r.async()))
                .lazyLevel2(Boolean.TRUE.equals(r.lazyLevel2()))
                .build();
        String mutator = r.mutator() == null ? "builtin" : r.mutator();
        String url = null, model = null, keyEnv = null;
        boolean noN = false;
        long tokenBudget = 0;
        if (mutator.equals("llm")) {
            url = r.llm() != null && r.llm().url() != null ? r.llm().url() : blankToNull(defaultLlmUrl);
            model = r.llm() != null && r.llm().model() != null ? r.llm().model() : blankToNull(defaultLlmModel);
            if (url == null || model == null) {
                throw new IllegalArgumentException("mutator 'llm' needs llm.url and llm.model (or thetaevolve.llm.url and thetaevolve.llm.model)");
            }
        }
        if (r.llm() != null) {
            keyEnv = r.llm().keyEnv();
            noN = Boolean.TRUE.equals(r.llm().noN());
            tokenBudget = r.llm().tokenBudget() == null ? 0 : r.llm().tokenBudget();
            if (keyEnv != null) checkKeyEnv(keyEnv);
        }
        if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("llm.url must be an http(s) URL, got '" + url + "'");
        }
        boolean rl = Boolean.TRUE.equals(r.rl());
        if (rl && engine.async()) throw new IllegalArgumentException("rl needs the step barrier: async must be false");
        return new RunSettings(spec.id(), mutator, steps, minutes, r.workers() == null ? defaultWorkers : r.workers(), engine, url, model, keyEnv,
                noN, tokenBudget, rl, r.reward(), 0, null, java.util.List.of(), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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
