package dev.thetaevolve.mutate;

import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.YieldStmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@link BuiltinOperator#DUPLICATE_STATEMENT}, {@link BuiltinOperator#DELETE_STATEMENT} and
 * {@link BuiltinOperator#SWAP_STATEMENTS}, within one block. Declarations are never duplicated, deleted
 * or moved (that breaks compilation: redeclared or missing variable), and jumps (return, throw, break,
 * continue) are never touched (a repeated or moved jump makes code unreachable, which Java rejects).
 * A statement alone on its lines moves as whole lines, so indentation stays right.
 */
final class StatementEdits {

    private StatementEdits() {
    }

    static Optional<Mutation> duplicate(ParsedProgram p, RandomGenerator rnd) {
        return pick(p, rnd).map(s -> {
            int[] span = p.lineSpan(s);
            String lines = p.source.substring(span[0], span[1]);
            SourceEdit edit = p.ownsLines(s)
                    ? SourceEdit.insert(span[1], lines.endsWith("\n") ? lines : "\n" + lines)
                    : SourceEdit.insert(p.end(s), " " + p.text(s));
            return new Mutation(BuiltinOperator.DUPLICATE_STATEMENT, edit, "duplicate statement at line " + ParsedProgram.line(s));
        });
    }

    static Optional<Mutation> delete(ParsedProgram p, RandomGenerator rnd) {
        return pick(p, rnd).map(s -> {
            int[] span = p.ownsLines(s) ? p.lineSpan(s) : new int[] {p.start(s), p.end(s)};
            return new Mutation(BuiltinOperator.DELETE_STATEMENT, new SourceEdit(span[0], span[1], ""), "delete statement at line " + ParsedProgram.line(s));
        });
    }

    static Optional<Mutation> swap(ParsedProgram p, RandomGenerator rnd) {
        List<Statement[]> pairs = new ArrayList<>();
        for (BlockStmt block : p.find(BlockStmt.class)) {
            List<Statement> stmts = block.getStatements();
            for (int i = 0; i + 1 < stmts.size(); i++) {
                Statement a = stmts.get(i);
                Statement b = stmts.get(i + 1);
                if (movable(a) && movable(b) && !p.text(a).equals(p.text(b))) pairs.add(new Statement[] {a, b});
            }
        }
        if (pairs.isEmpty()) return Optional.empty();
        Statement[] pair = pairs.get(rnd.nextInt(pairs.size()));
        Statement a = pair[0];
        Statement b = pair[1];
        List<SourceEdit> edits;
        if (p.ownsLines(a) && p.ownsLines(b)) {
            int[] sa = p.lineSpan(a);
            int[] sb = p.lineSpan(b);
            if (!p.source.substring(sb[0], sb[1]).endsWith("\n")) return Optional.empty(); // b ends the file: not in a block
            edits = List.of(new SourceEdit(sa[0], sa[1], p.source.substring(sb[0], sb[1])), new SourceEdit(sb[0], sb[1], p.source.substring(sa[0], sa[1])));
        } else {
            edits = List.of(new SourceEdit(p.start(a), p.end(a), p.text(b)), new SourceEdit(p.start(b), p.end(b), p.text(a)));
        }
        return Optional.of(new Mutation(BuiltinOperator.SWAP_STATEMENTS, edits,
                "swap statements at lines " + ParsedProgram.line(a) + " and " + ParsedProgram.line(b)));
    }

    /** A random movable statement of the EVOLVE-BLOCK, if there is one. */
    private static Optional<Statement> pick(ParsedProgram p, RandomGenerator rnd) {
        List<Statement> options = new ArrayList<>();
        for (BlockStmt block : p.find(BlockStmt.class)) {
            for (Statement s : block.getStatements()) {
                if (movable(s) && p.inBlock(s)) options.add(s);
            }
        }
        return options.isEmpty() ? Optional.empty() : Optional.of(options.get(rnd.nextInt(options.size())));
    }

    private static boolean movable(Statement s) {
        if (s instanceof ReturnStmt || s instanceof ThrowStmt || s instanceof BreakStmt || s instanceof ContinueStmt || s instanceof YieldStmt) return false;
        if (s instanceof LocalClassDeclarationStmt || s instanceof LocalRecordDeclarationStmt) return false;
        return !(s instanceof ExpressionStmt e && e.getExpression().isVariableDeclarationExpr());
    }
}
