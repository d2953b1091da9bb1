package dev.thetaevolve.mutate;

import java.util.List;
import java.util.random.RandomGenerator;

/** Roulette choice over non-negative weights. */
final class Weighted {
    private Weighted() {
    }

    /** Index drawn with probability proportional to its weight; uniform when all weights are zero. */
    static int pick(List<Double> weights, RandomGenerator rnd) {
        double total = 0;
        for (double w : weights) total += w;
        if (total <= 0) return rnd.nextInt(weights.size());
        double x = rnd.nextDouble() * total;
        for (int i = 0; i < weights.size(); i++) {
            x -= weights.get(i);
            if (x < 0) return i;
        }
        return weights.size() - 1;
    }
}
