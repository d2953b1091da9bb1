package dev.thetaevolve.mutate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SEARCH/REPLACE diff format that ThetaEvolve and OpenEvolve models emit, and its application to a
 * parent program:
 * <pre>
 * &lt;&lt;&lt;&lt;&lt;&lt;&lt; SEARCH
 * exact lines of the parent
 * =======
 * replacement lines
 * &gt;&gt;&gt;&gt;&gt;&gt;&gt; REPLACE
 * </pre>
 * Rules, in the order they act:
 * <ol>
 *   <li>Line endings: CRLF and lone CR in the parent and in the sample become {@code \n}; the child always
 *       uses {@code \n}.</li>
 *   <li>Reasoning: a {@code <think>…</think>} section is removed before parsing, so a plan quoted in the
 *       reasoning is never applied. A text that holds a {@code </think>} without an opening tag (the
 *       opening tag was part of the prompt template, or the model started in reasoning mode) loses
 *       everything up to and including its first {@code </think>}. An unterminated {@code <think>} hides
 *       everything after it: a model that never finished reasoning gave no answer.</li>
 *   <li>Markers are whole lines, compared after trimming: {@code <<<<<<< SEARCH}, {@code =======},
 *       {@code >>>>>>> REPLACE}. A block missing its divider or its REPLACE marker, or holding a second
 *       divider, is dropped and counted as malformed; a SEARCH marker always opens a new block, so a
 *       SEARCH nested in an open block drops the open block and parsing continues with the new one. A
 *       REPLACE marker outside any block is counted as malformed; a stray divider outside is ignored
 *       (it may be ordinary text).</li>
 *   <li>Each block replaces the <em>first</em> occurrence of its search lines in the current code, blocks
 *       in order, each on the result of the previous one. Exact line equality is tried over the whole
 *       code first; only when that finds nothing, lines are compared ignoring trailing whitespace. The
 *       replacement lines go in verbatim; an empty replacement deletes the matched lines. A block whose
 *       search lines are found nowhere, or whose search text is empty, is skipped and counted as
 *       unmatched.</li>
 *   <li>Full rewrite (option): when no block applied and the text holds exactly one fenced
 *       {@code ```java} block that holds no SEARCH marker, that block is the whole new program.</li>
 *   <li>EVOLVE-BLOCK guard (on unless allowed): the child must keep every line outside the regions
 *       between {@code // EVOLVE-BLOCK-START} and {@code // EVOLVE-BLOCK-END}, marker lines included,
 *       identical to the parent's (after line-ending normalization); see {@link EvolveBlocks}.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class DiffFormat {
    static final String SEARCH_MARKER = "<<<<<<< SEARCH";
    static final String DIVIDER = "=======";
    static final String REPLACE_MARKER = ">>>>>>> REPLACE";

    private static final Pattern JAVA_FENCE = Pattern.compile("(?m)^[ \\t]*```[ \\t]*java[ \\t]*\\n(.*?)^[ \\t]*```[ \\t]*$", Pattern.DOTALL);

    /**
     * How permissive {@link #apply} is.
     *
     * @param allowOutsideEvolveBlock accept children that change text outside the EVOLVE-BLOCK regions
     * @param fullRewriteFallback     when no block applies, take a single fenced java block as the program
     */
    public record Options(boolean allowOutsideEvolveBlock, boolean fullRewriteFallback) {
        /** The guard on, no rewrite fallback: ThetaEvolve's behaviour. */
        public static final Options DEFAULT = new Options(false, false);
    }

    /** One SEARCH/REPLACE block: its search and replacement lines, without markers. */
    public record Block(List<String> search, List<String> replace) {
        public Block {
            search = List.copyOf(search);
            replace = List.copyOf(replace);
        }
    }

    /** The blocks of a sample, in order, and how many malformed blocks were dropped. */
    public record Parsed(List<Block> blocks, int malformed) {
        public Parsed {
            blocks = List.copyOf(blocks);
        }
    }

    /** What became of a sample. */
    public enum Status {
        /** No well-formed block and no usable rewrite: the sample is not a diff at all. */
        NO_BLOCKS,
        /** At least one block applied; {@link Result#code()} is the child. */
        APPLIED,
        /** Blocks were there but none matched the parent. */
        NONE_APPLIED,
        /** The child would change text outside the EVOLVE-BLOCK; rejected. */
        OUTSIDE_EVOLVE_BLOCK,
        /** No block applied and the fenced java block was taken as the whole child. */
        REWRITE
    }

    /**
     * The outcome of {@link #apply}.
     *
     * @param code      the child for APPLIED and REWRITE; otherwise the parent (line endings normalized)
     * @param applied   blocks that replaced text
     * @param unmatched well-formed blocks that matched nothing (empty search text included)
     * @param malformed blocks dropped for broken markers
     */
    public record Result(Status status, String code, int applied, int unmatched, int malformed) {
        public Result {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(code, "code");
        }

        /** Whether {@link #code()} is a new child worth checking and evaluating. */
        public boolean hasChild() {
            return status == Status.APPLIED || status == Status.REWRITE;
        }
    }

    private DiffFormat() {
    }

    /** Applies {@code sample} to {@code parent} with {@link Options#DEFAULT}. */
    public static Result apply(String parent, String sample) {
        return apply(parent, sample, Options.DEFAULT);
    }

    /** Applies the blocks of {@code sample} to {@code parent}; never throws on any text. */
    public static Result apply(String parent, String sample, Options options) {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(options, "options");
        List<String> parentLines = lines(parent);
        String answer = stripThink(normalizeLineEndings(sample));
        Parsed parsed = parse(answer);
        List<String> code = new ArrayList<>(parentLines);
        int applied = 0;
        int unmatched = 0;
        for (Block block : parsed.blocks()) {
            int at = find(code, block.search());
            if (at < 0) {
                unmatched++;
                continue;
            }
            code.subList(at, at + block.search().size()).clear();
            code.addAll(at, block.replace());
            applied++;
        }
        String parentText = String.join("\n", parentLines);
        Status status;
        if (applied > 0) {
            status = Status.APPLIED;
        } else {
            String rewrite = options.fullRewriteFallback() ? singleJavaFence(answer) : null;
            if (rewrite != null) {
                // the fence body ends with a newline; keep the parent's convention so the guard compares like with like
                if (!parentText.endsWith("\n") && rewrite.endsWith("\n")) rewrite = rewrite.substring(0, rewrite.length() - 1);
                code = new ArrayList<>(lines(rewrite));
                status = Status.REWRITE;
            } else {
                Status none = parsed.blocks().isEmpty() ? Status.NO_BLOCKS : Status.NONE_APPLIED;
                return new Result(none, parentText, 0, unmatched, parsed.malformed());
            }
        }
        if (!options.allowOutsideEvolveBlock() && !EvolveBlocks.outside(parentLines).equals(EvolveBlocks.outside(code))) {
            return new Result(Status.OUTSIDE_EVOLVE_BLOCK, parentText, applied, unmatched, parsed.malformed());
        }
        return new Result(status, String.join("\n", code), applied, unmatched, parsed.malformed());
    }

    /**
     * Parses the blocks of an answer whose line endings are already {@code \n} and whose reasoning is
     * already stripped (see the class rules for malformed blocks).
     */
    public static Parsed parse(String answer) {
        List<Block> blocks = new ArrayList<>();
        int malformed = 0;
        List<String> search = null; // non-null while inside a block
        List<String> replace = null; // non-null after the divider
        boolean broken = false; // a second divider was seen: skip to the end of this block
        for (String line : answer.split("\n", -1)) {
            String marker = line.strip();
            if (marker.equals(SEARCH_MARKER)) {
                if (search != null) malformed++;
                search = new ArrayList<>();
                replace = null;
                broken = false;
            } else if (marker.equals(REPLACE_MARKER)) {
                if (search == null || replace == null || broken) {
                    malformed++;
                } else {
                    blocks.add(new Block(search, replace));
                }
                search = null;
                replace = null;
                broken = false;
            } else if (search != null && marker.equals(DIVIDER)) {
                if (replace == null) replace = new ArrayList<>();
                else broken = true;
            } else if (search != null && !broken) {
                (replace == null ? search : replace).add(line);
            }
        }
        if (search != null) malformed++;
        return new Parsed(blocks, malformed);
    }

    /** Removes the reasoning section (see the class rules); text without think tags is returned as is. */
    public static String stripThink(String text) {
        int open = text.indexOf("<think>");
        int close = text.indexOf("</think>");
        if (close >= 0 && (open < 0 || close < open)) {
            return stripThink(text.substring(close + "</think>".length()));
        }
        if (open < 0) return text;
        int end = text.indexOf("</think>", open);
        if (end < 0) return text.substring(0, open);
        return stripThink(text.substring(0, open) + text.substring(end + "</think>".length()));
    }

    /** Renders blocks in the format {@link #parse} reads, one per search/replace pair, ending with a newline. */
    public static String render(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            out.append(SEARCH_MARKER).append('\n');
            for (String l : b.search()) out.append(l).append('\n');
            out.append(DIVIDER).append('\n');
            for (String l : b.replace()) out.append(l).append('\n');
            out.append(REPLACE_MARKER).append('\n');
        }
        return out.toString();
    }

    /** CRLF and lone CR become {@code \n}. */
    public static String normalizeLineEndings(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The lines of {@code text} after line-ending normalization; a trailing newline yields a last empty line. */
    static List<String> lines(String text) {
        return List.of(normalizeLineEndings(text).split("\n", -1));
    }

    /** First index where {@code search} occurs: exact first, then ignoring trailing whitespace; -1 if none. */
    static int find(List<String> code, List<String> search) {
        if (search.isEmpty() || search.size() > code.size()) return -1;
        int exact = indexOf(code, search, false);
        return exact >= 0 ? exact : indexOf(code, search, true);
    }

    private static int indexOf(List<String> code, List<String> search, boolean ignoreTrailing) {
        outer:
        for (int i = 0; i + search.size() <= code.size(); i++) {
            for (int k = 0; k < search.size(); k++) {
                String a = code.get(i + k);
                String b = search.get(k);
                if (ignoreTrailing ? !a.stripTrailing().equals(b.stripTrailing()) : !a.equals(b)) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static String singleJavaFence(String answer) {
        Matcher m = JAVA_FENCE.matcher(answer);
        if (!m.find()) return null;
        String body = m.group(1);
        if (m.find()) return null; // two or more java blocks: ambiguous, not a rewrite
        // a diff wrapped in a java fence is a failed diff, not a program
        return body.lines().anyMatch(l -> l.strip().equals(SEARCH_MARKER)) ? null : body;
    }
}
