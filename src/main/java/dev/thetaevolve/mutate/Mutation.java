package dev.thetaevolve.mutate;

import java.util.List;

/** One built-in edit of a parent: the operator, its source edits and a one-line summary. */
record Mutation(BuiltinOperator operator, List<SourceEdit> edits, String summary) {
    Mutation {
        edits = List.copyOf(edits);
    }

    Mutation(BuiltinOperator operator, SourceEdit edit, String summary) {
        this(operator, List.of(edit), summary);
    }
}
