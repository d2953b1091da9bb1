/** Sampling from OpenAI-compatible inference servers: batching, bounded concurrency, retries and budgets. */
package dev.thetaevolve.llm;
