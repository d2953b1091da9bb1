package dev.thetaevolve.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON shapes, as records (entities never leave the service). The web page and the CLI's REST
 * client depend on these names: change them only together.
 */
public final class Dtos {
    private Dtos() {
    }

    /** A request body: read by {@link StrictJson}, which refuses what Jackson would otherwise bend (see there). */
    public interface RequestBody {
    }

    /**
     * Today's record: value, source and the check the source used ("" when not stated), with AlphaEvolve's
     * 2025 value beside it (null where AlphaEvolve has none).
     */
    public record BestKnownDto(double value, String source, String check, ReferenceDto alphaEvolve) {
    }

    public record ReferenceDto(double value, String source) {
    }

    public record ShapingDto(double a, double b, double alpha, double m) {
    }

    /** GET /api/problems element. */
    public record ProblemDto(String id, String title, String direction, String returnType, long timeLimitMillis,
                             BestKnownDto bestKnown, Double ourBest) {
    }

    /** GET /api/problems/{id}: the list element plus the task text and the reward shaping. */
    public record ProblemDetail(String id, String title, String direction, String returnType, long timeLimitMillis,
                                BestKnownDto bestKnown, Double ourBest, String task, ShapingDto shaping) {
    }

    /**
     * LLM settings of a run; url and model default to thetaevolve.llm.url / thetaevolve.llm.model. timeout:
     * per request ("300", "90s", "5m"; default 5 minutes); maxFailures: failed requests in a row before the
     * run stops FAILED (default 64, 0 = never); maxRetryWait: the longest Retry-After honoured (default 2m).
     */
    public record LlmDto(String url, String model, String keyEnv, Boolean noN, Long tokenBudget, String timeout, Integer maxFailures,
                         String maxRetryWait) implements RequestBody {
        public LlmDto(String url, String model, String keyEnv, Boolean noN, Long tokenBudget) {
            this(url, model, keyEnv, noN, tokenBudget, null, null, null);
        }
    }

    /** POST /api/runs body. Absent numbers take the defaults documented on the endpoint. */
    public record RunRequest(String problem, String mutator, Integer steps, Double minutes, Integer parents, Integer samples,
                             Integer workers, Long seed, Double tolerance, String name, LlmDto llm,
                             Boolean rl, String reward, Boolean async, Boolean lazyLevel2, String evaluators, String mode,
                             Long searchBudgetMillis, Integer searchStarts) implements RequestBody {
        /** A body without the search-mode fields (mode and budget from the problem). */
        public RunRequest(String problem, String mutator, Integer steps, Double minutes, Integer parents, Integer samples,
                          Integer workers, Long seed, Double tolerance, String name, LlmDto llm,
                          Boolean rl, String reward, Boolean async, Boolean lazyLevel2, String evaluators) {
            this(problem, mutator, steps, minutes, parents, samples, workers, seed, tolerance, name, llm, rl, reward, async, lazyLevel2,
                    evaluators, null, null, null);
        }
    }

    /** POST /api/runs/{id}/resume body (optional): the new drive's budget. */
    public record ResumeRequest(Integer steps, Double minutes) implements RequestBody {
    }

    public record RunRef(long id, String name, String status) {
    }

    /** Answer of stop and resume. */
    public record RunStatus(long id, String status) {
    }

    public record RunSummary(long id, String name, String problem, String status, int step, long evaluations, long programs,
                             Double best, Double seedScore, Instant createdAt) {
    }

    public record BestDto(Double score, Long programId) {
    }

    public record RatesDto(double validPercent, double evaluationsPerSecond) {
    }

    /**
     * {@code steps}: the step the current drive stops at (null without a step budget), for progress bars;
     * {@code sampleFailures}: samples that never arrived (SAMPLE_FAILED children) by cause.
     */
    public record RunDetail(long id, String name, String problem, String mutator, String status, int step, long evaluations,
                            long programs, BestDto best, Double seedScore, RatesDto rates, String message, Integer steps,
                            Map<String, Long> sampleFailures) {
    }

    public record HistoryPoint(int step, long evaluations, Double best) {
    }

    public record ProgramSummary(long id, long seq, Double score, String status, long parentSeq, int generation, int step, String summary) {
    }

    public record LineageItem(long id, long seq, Double score, String summary) {
    }

    public record ProgramDetail(long id, long runId, long seq, String status, Double score, double reward, Map<String, Double> metrics,
                                String feedback, String summary, String tier, String code, Long parentId, List<LineageItem> lineage) {
    }

    public record EntryDto(long id, double score, String submitter, Long runId, Long programId, Instant createdAt) {
    }

    public record LeaderboardDto(String problem, String direction, BestKnownDto bestKnown, boolean beatsBestKnown, List<EntryDto> entries) {
    }

    /** POST /api/leaderboards/{problem}/submissions body. */
    public record SubmissionRequest(JsonNode data, String submitter) implements RequestBody {
    }

    /** POST /api/problems/{id}/construction.svg body: a construction to draw. */
    public record DrawRequest(JsonNode data) implements RequestBody {
    }

    /** {@code existing}: the board held this construction already; {@code entry} is that entry, and nothing new was stored. */
    public record SubmissionResult(EntryDto entry, long rank, boolean existing) {
    }
}
