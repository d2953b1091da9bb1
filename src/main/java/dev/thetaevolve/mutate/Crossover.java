package dev.thetaevolve.mutate;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@link BuiltinOperator#CROSSOVER}: takes a method of the parent's EVOLVE-BLOCK and swaps in the body of
 * the method with the same signature (name, parameter types, return type) from a donor's EVOLVE-BLOCK,
 * when the two bodies differ beyond comments and layout. Only the body travels: a donor body that calls
 * a helper the parent lacks fails to compile, and the evaluator says so.
 */
final class Crossover {

    /** A parsed inspiration program and its run-local id. */
    record Donor(long id, ParsedProgram program) {
    }

    private Crossover() {
    }

    static Optional<Mutation> mutate(ParsedProgram p, List<Donor> donors, RandomGenerator rnd) {
        List<Mutation> options = new ArrayList<>();
        for (MethodDeclaration mine : p.find(MethodDeclaration.class)) {
            Optional<BlockStmt> body = mine.getBody();
            if (body.isEmpty()) continue;
            for (Donor donor : donors) {
                for (MethodDeclaration theirs : donor.program().find(MethodDeclaration.class)) {
                    if (theirs.getBody().isEmpty() || !signature(theirs).equals(signature(mine))) continue;
                    String donorBody = donor.program().text(theirs.getBody().get());
                    if (CodeNormalizer.isLazy(p.text(body.get()), donorBody)) continue;
                    options.add(new Mutation(BuiltinOperator.CROSSOVER, new SourceEdit(p.start(body.get()), p.end(body.get()), donorBody),
                            "crossover: body of " + mine.getNameAsString() + "() at line " + ParsedProgram.line(mine) + " from program " + donor.id()));
                }
            }
        }
        return options.isEmpty() ? Optional.empty() : Optional.of(options.get(rnd.nextInt(options.size())));
    }

    private static String signature(MethodDeclaration m) {
        return m.getTypeAsString() + " " + m.getSignature().asString();
    }
}
