package dev.thetaevolve.mutate;

/**
 * A prompt ready to send, with how it was fitted into the token budget.
 *
 * @param system            the system message
 * @param user              the user message
 * @param tokens            tokens of both messages
 * @param exactCount        true when counted with a tokenizer.json, false for the chars/4 estimate
 * @param inspirationsKept  inspirations left after trimming
 * @param inspirationsGiven inspirations the request offered
 * @param feedbackTrimmed   true when the evaluator feedback was shortened or dropped
 * @param overBudget        true when even the parent alone does not fit (it is never trimmed)
 */
public record Prompt(String system, String user, int tokens, boolean exactCount, int inspirationsKept,
                     int inspirationsGiven, boolean feedbackTrimmed, boolean overBudget) {
}
