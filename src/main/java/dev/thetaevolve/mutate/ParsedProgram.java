package dev.thetaevolve.mutate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;

import java.util.List;

/**
 * A program parsed by JavaParser together with what the built-in operators need: the EVOLVE-BLOCK regions
 * (only nodes wholly inside one may change) and the mapping from JavaParser positions to source offsets.
 * The source has {@code \n} line endings. Not thread-safe (JavaParser nodes are mutable); one per request.
 */
final class ParsedProgram {
    final String source;
    final CompilationUnit unit;
    private final int[] lineStarts;
    private final List<EvolveBlocks.Region> regions;
    /** Focus set by a {@link MutationPolicy}: only nodes starting on these 0-based lines count; null = all. */
    private int[] focus;

    private ParsedProgram(String source, CompilationUnit unit) {
        this.source = source;
        this.unit = unit;
        List<String> lines = DiffFormat.lines(source);
        this.lineStarts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) lineStarts[i + 1] = lineStarts[i] + lines.get(i).length() + 1;
        this.regions = EvolveBlocks.regions(lines);
    }

    /** Parses {@code code}; IllegalArgumentException with JavaParser's first problem when it does not parse. */
    static ParsedProgram parse(String code) {
        String source = DiffFormat.normalizeLineEndings(code);
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setTabSize(1);
        ParseResult<CompilationUnit> result = new JavaParser(config).parse(source);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            String problem = result.getProblems().isEmpty() ? "no compilation unit" : result.getProblems().get(0).getVerboseMessage();
            throw new IllegalArgumentException("program does not parse as Java: " + problem);
        }
        return new ParsedProgram(source, result.getResult().get());
    }

    /** Whether every line of {@code node} lies inside one evolvable region. */
    boolean inBlock(Node node) {
        if (node.getRange().isEmpty()) return false;
        int first = node.getRange().get().begin.line - 1;
        int last = node.getRange().get().end.line - 1;
        if (focus != null && (first < focus[0] || first >= focus[1])) return false;
        for (EvolveBlocks.Region r : regions) {
            if (r.containsLine(first) && r.containsLine(last)) return true;
        }
        return false;
    }

    /**
     * Restricts {@link #find} to nodes that start in bucket {@code bucket} of {@code buckets} contiguous,
     * equal parts of the evolvable lines; {@link MutationPolicy#ANY} lifts the restriction.
     */
    void focus(int bucket, int buckets) {
        if (bucket == MutationPolicy.ANY) {
            focus = null;
            return;
        }
        int total = 0;
        for (EvolveBlocks.Region r : regions) total += r.to() - r.from();
        int from = (int) ((long) total * bucket / buckets);
        int to = (int) ((long) total * (bucket + 1) / buckets);
        focus = new int[] {lineAt(from), to >= total ? Integer.MAX_VALUE : lineAt(to)};
    }

    /** The source line of the {@code k}-th evolvable line. */
    private int lineAt(int k) {
        for (EvolveBlocks.Region r : regions) {
            if (k < r.to() - r.from()) return r.from() + k;
            k -= r.to() - r.from();
        }
        return Integer.MAX_VALUE;
    }

    /** The evolvable nodes of a type, in source order. */
    <T extends Node> List<T> find(Class<T> type) {
        return unit.findAll(type, this::inBlock);
    }

    int offset(Position p) {
        return lineStarts[p.line - 1] + p.column - 1;
    }

    /** Offset of the first character of {@code node}. */
    int start(Node node) {
        return offset(node.getRange().orElseThrow().begin);
    }

    /** Offset just after the last character of {@code node}. */
    int end(Node node) {
        return offset(node.getRange().orElseThrow().end) + 1;
    }

    /** The exact source text of {@code node}. */
    String text(Node node) {
        return source.substring(start(node), end(node));
    }

    /** 1-based line of {@code node}, for summaries. */
    static int line(Node node) {
        return node.getRange().map(r -> r.begin.line).orElse(0);
    }

    /** Offset where 0-based line {@code index} starts (the source length past the last line). */
    int lineStart(int index) {
        return index < lineStarts.length - 1 ? lineStarts[index] : source.length();
    }

    /**
     * Whether {@code node} stands alone on its lines (only whitespace before it on its first line and
     * after it on its last), so it can be moved or removed as whole lines.
     */
    boolean ownsLines(Node node) {
        int s = start(node);
        int e = end(node);
        int lineStart = lineStart(node.getRange().orElseThrow().begin.line - 1);
        int lineEnd = source.indexOf('\n', e);
        if (lineEnd < 0) lineEnd = source.length();
        return source.substring(lineStart, s).isBlank() && source.substring(e, lineEnd).isBlank();
    }

    /** Offsets {@code [start of node's first line, start of the line after its last)}. */
    int[] lineSpan(Node node) {
        return new int[] {lineStart(node.getRange().orElseThrow().begin.line - 1), lineStart(node.getRange().orElseThrow().end.line)};
    }
}
