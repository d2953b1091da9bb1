package dev.thetaevolve.mutate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * The embedded default {@link Mutator}: no model, just small edits of the EVOLVE-BLOCK found through
 * JavaParser's AST (see {@link BuiltinOperator}). Each edit replaces exact token ranges of the parent's
 * source, so formatting and comments survive, and is emitted as one SEARCH/REPLACE block (the changed
 * lines plus a little context) that {@link DiffFormat} applies to exactly the intended child, with a
 * one-line summary such as {@code perturb literal 0.037 -> 0.0391 at line 12}.
 * <p>
 * Every random choice comes from {@link MutationRequest#seed()}: the same request yields the same samples.
 * An operator that finds nothing to change (no loop, no donor) is skipped and another is drawn; a sample
 * whose future completes exceptionally means no operator could change the parent (it does not parse, or
 * its EVOLVE-BLOCK holds nothing mutable). All futures are complete on return. Immutable, thread-safe.
 */
public final class BuiltinMutator implements Mutator {
    private final Map<BuiltinOperator, Double> weights;
    /** Null: the weighted roulette over operators, anywhere in the block, any magnitude. */
    private final MutationPolicy policy;

    private BuiltinMutator(Map<BuiltinOperator, Double> weights, MutationPolicy policy) {
        this.weights = Map.copyOf(weights);
        this.policy = policy;
    }

    /** A mutator with every operator at its {@link BuiltinOperator#defaultWeight()}. */
    public static BuiltinMutator create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The sampling weight of each operator. */
    public Map<BuiltinOperator, Double> weights() {
        return weights;
    }

    @Override
    public List<CompletableFuture<Sample>> sample(MutationRequest request) {
        Objects.requireNonNull(request, "request");
        SplittableRandom root = new SplittableRandom(request.seed());
        List<SplittableRandom> streams = new ArrayList<>();
        for (int i = 0; i < request.samples(); i++) streams.add(root.split());
        ParsedProgram parent;
        try {
            parent = ParsedProgram.parse(request.parent().code());
        } catch (IllegalArgumentException e) {
            return streams.stream().map(r -> CompletableFuture.<Sample>failedFuture(
                    new IllegalArgumentException("parent " + request.parent().id() + ": " + e.getMessage(), e))).toList();
        }
        List<Crossover.Donor> donors = donors(request.inspirations());
        List<CompletableFuture<Sample>> out = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            try {
                out.add(CompletableFuture.completedFuture(sampleOne(request, i, parent, donors, streams.get(i))));
            } catch (RuntimeException e) {
                out.add(CompletableFuture.failedFuture(e));
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "builtin";
    }

    private Sample sampleOne(MutationRequest request, int index, ParsedProgram parent, List<Crossover.Donor> donors, RandomGenerator rnd) {
        List<BuiltinOperator> ops = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (BuiltinOperator op : BuiltinOperator.values()) {
            double weight = weights.get(op);
            if (weight > 0 && (op != BuiltinOperator.CROSSOVER || !donors.isEmpty())) {
                ops.add(op);
                w.add(weight);
            }
        }
        if (policy != null && !ops.isEmpty()) {
            MutationPolicy.Choice c = policy.choose(new MutationPolicy.PolicyContext(request, index, ops, weights), rnd);
            if (!ops.contains(c.operator())) throw new IllegalStateException("policy chose " + c.operator() + ", not among " + ops);
            Optional<Sample> s = focused(c, parent, donors, rnd);
            if (s.isEmpty()) {
                // nothing of that kind where the policy looked: the same operator anywhere, then the roulette
                s = apply(c.operator(), parent, donors, rnd, c.magnitude());
                w.remove(ops.indexOf(c.operator()));
                ops.remove(c.operator());
            }
            if (s.isEmpty()) s = roulette(ops, w, parent, donors, rnd);
            if (s.isPresent()) return c.decision() == null ? s.get() : s.get().withDecision(c.decision());
        }
        Optional<Sample> s = roulette(ops, w, parent, donors, rnd);
        if (s.isPresent()) return s.get();
        throw new IllegalStateException("no built-in operator could change this parent's EVOLVE-BLOCK (weights " + weights + ")");
    }

    private static Optional<Sample> focused(MutationPolicy.Choice c, ParsedProgram parent, List<Crossover.Donor> donors, RandomGenerator rnd) {
        parent.focus(c.location(), MutationPolicy.LOCATIONS);
        try {
            return apply(c.operator(), parent, donors, rnd, c.magnitude());
        } finally {
            parent.focus(MutationPolicy.ANY, MutationPolicy.LOCATIONS);
        }
    }

    private static Optional<Sample> roulette(List<BuiltinOperator> ops, List<Double> w, ParsedProgram parent, List<Crossover.Donor> donors, RandomGenerator rnd) {
        while (!ops.isEmpty()) {
            int k = Weighted.pick(w, rnd);
            Optional<Sample> s = apply(ops.get(k), parent, donors, rnd);
            if (s.isPresent()) return s;
            // an operator that finds nothing (no loop, no donor method) finds nothing on a retry either
            ops.remove(k);
            w.remove(k);
        }
        return Optional.empty();
    }

    /** One mutation by {@code op}, rendered as a sample; empty when {@code op} found nothing to change. */
    static Optional<Sample> apply(BuiltinOperator op, ParsedProgram parent, List<Crossover.Donor> donors, RandomGenerator rnd) {
        return apply(op, parent, donors, rnd, MutationPolicy.ANY);
    }

    /** As above, with a literal perturbation's size limited to a magnitude bucket (or {@link MutationPolicy#ANY}). */
    static Optional<Sample> apply(BuiltinOperator op, ParsedProgram parent, List<Crossover.Donor> donors, RandomGenerator rnd, int magnitude) {
        Optional<Mutation> m = switch (op) {
            case PERTURB_LITERAL -> LiteralPerturbation.mutate(parent, rnd, magnitude);
            case SWAP_OPERATOR -> OperatorSwap.mutate(parent, rnd);
            case DUPLICATE_STATEMENT -> StatementEdits.duplicate(parent, rnd);
            case DELETE_STATEMENT -> StatementEdits.delete(parent, rnd);
            case SWAP_STATEMENTS -> StatementEdits.swap(parent, rnd);
            case LOOP_BOUND -> LoopBound.mutate(parent, rnd);
            case CROSSOVER -> Crossover.mutate(parent, donors, rnd);
        };
        if (m.isEmpty()) return Optional.empty();
        String child = SourceEdit.apply(parent.source, m.get().edits());
        if (CodeNormalizer.isLazy(parent.source, child)) return Optional.empty();
        String text = DiffFormat.render(List.of(MinimalDiff.between(parent.source, child)));
        DiffFormat.Result check = DiffFormat.apply(parent.source, text);
        if (!check.hasChild() || !check.code().equals(child)) {
            throw new IllegalStateException("built-in diff does not reproduce its child (" + m.get().summary() + "): " + check.status());
        }
        return Optional.of(Sample.builtin(text, m.get().summary()));
    }

    static List<Crossover.Donor> donors(List<Parent> inspirations) {
        List<Crossover.Donor> donors = new ArrayList<>();
        for (Parent p : inspirations) {
            try {
                donors.add(new Crossover.Donor(p.id(), ParsedProgram.parse(p.code())));
            } catch (IllegalArgumentException e) {
                // a donor that does not parse has nothing to give; the others still do
            }
        }
        return donors;
    }

    /** Validated builder; every operator starts at its default weight. */
    public static final class Builder {
        private final Map<BuiltinOperator, Double> weights = new EnumMap<>(BuiltinOperator.class);
        private MutationPolicy policy;

        private Builder() {
            for (BuiltinOperator op : BuiltinOperator.values()) weights.put(op, op.defaultWeight());
        }

        /** Sets one operator's relative weight; 0 turns it off. */
        public Builder weight(BuiltinOperator operator, double weight) {
            Objects.requireNonNull(operator, "operator");
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of " + operator + " must be a finite number >= 0, got " + weight);
            }
            weights.put(operator, weight);
            return this;
        }

        /** Only {@code operator}, at weight 1. */
        public Builder only(BuiltinOperator operator) {
            for (BuiltinOperator op : BuiltinOperator.values()) weights.put(op, 0.0);
            return weight(operator, 1);
        }

        /**
         * Lets {@code policy} choose operator, location and magnitude of every edit (null: the weighted
         * roulette). A chosen operator that finds nothing in its location is tried anywhere, then the
         * roulette takes over; the choice's tag is appended to the sample's summary either way.
         */
        public Builder policy(MutationPolicy policy) {
            this.policy = policy;
            return this;
        }

        public BuiltinMutator build() {
            if (weights.values().stream().allMatch(w -> w == 0)) {
                throw new IllegalStateException("at least one operator weight must be > 0, got " + weights);
            }
            return new BuiltinMutator(weights, policy);
        }
    }
}
