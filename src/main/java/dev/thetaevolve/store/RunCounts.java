package dev.thetaevolve.store;

import java.util.Map;

/**
 * Counts of a run's programs by ladder position, read straight from the store.
 *
 * @param sampleFailures SAMPLE_FAILED children by cause (CONNECTION, TIMEOUT, CLIENT_ERROR, ...), causes with
 *                       none left out
 */
public record RunCounts(String run, long programs, long valid, long lazy, long noDiff, Map<String, Long> errors,
                        int committedSteps, long distinctIds, Map<String, Long> sampleFailures) {
}
