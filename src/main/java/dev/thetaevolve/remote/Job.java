package dev.thetaevolve.remote;

import dev.thetaevolve.evaluate.EvalRequest;
import dev.thetaevolve.evaluate.RawResult;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.VerifierSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One evaluation job as it travels: the fields of an {@link EvalRequest} that a worker needs, and nothing
 * else (never credentials). Search mode adds what the worker's harness needs: the seed, the budget, the warm
 * start, and the verifier's source for its {@code Objective}, which only guides: the driving side verifies the
 * returned construction with its own compiled verifier.
 *
 * @param problemId       the problem, for logs
 * @param returnType      what the candidate must produce
 * @param direction       the objective's direction (search mode's harness keeps the best by it)
 * @param mode            construct or search
 * @param timeLimitMillis the wall-clock limit of {@code solve()} (construct mode)
 * @param tolerance       the run's verification tolerance (search mode's objective)
 * @param seed            search: the seed of the harness's random stream
 * @param budgetMillis    search: the harness's budget
 * @param source          the candidate's compilation unit
 * @param verifier        search: the verifier's source; null in construct mode
 * @param warmStart       search: the construction to start from, or null
 * @param warmStartFrom   search: the program the warm start came from, or -1
 */
public record Job(String problemId, ReturnType returnType, Direction direction, Mode mode, long timeLimitMillis, double tolerance,
                  long seed, long budgetMillis, String source, VerifierSource verifier, Object warmStart, long warmStartFrom) {

    static final byte VERSION = 1;
    private static final long DAY_MILLIS = 86_400_000L;

    /** The job for a request (the verifier's source only in search mode). */
    public static Job of(EvalRequest r) {
        Problem p = r.problem();
        boolean search = r.mode() == Mode.SEARCH;
        return new Job(p.id(), p.spec().returnType(), p.direction(), r.mode(), p.spec().timeLimitMillis(), r.tolerance(), r.seed(),
                search ? r.budgetMillis() : 0, r.source() == null ? "" : r.source(), search ? p.verifierSource() : null,
                search ? r.warmStart() : null, search ? r.warmStartFrom() : -1);
    }

    /**
     * The request an evaluator process runs: a stand-in problem with the job's limits, whose verifier accepts
     * everything (this side verifies nothing; the driving side re-verifies the raw output).
     */
    public EvalRequest request() {
        ProblemSpec spec = new ProblemSpec(problemId, problemId, direction, returnType, timeLimitMillis, tolerance, null, null, "", null,
                Set.of(Mode.CONSTRUCT), budgetMillis > 0 ? budgetMillis : ProblemSpec.DEFAULT_SEARCH_BUDGET_MILLIS, null);
        Problem problem = new Problem(spec, (output, tol) -> Verification.valid(0), verifier);
        return new EvalRequest(source, problem, tolerance, mode, warmStart, warmStartFrom, seed, budgetMillis);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(source.length() + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, problemId);
            writeString(out, returnType.javaName());
            writeString(out, direction.name());
            writeString(out, mode.name());
            out.writeLong(timeLimitMillis);
            out.writeDouble(tolerance);
            out.writeLong(seed);
            out.writeLong(budgetMillis);
            writeString(out, source);
            writeString(out, verifier == null ? "" : verifier.className());
            writeString(out, verifier == null ? "" : verifier.text());
            byte[] warm = RawResult.encodeArray(warmStart);
            out.writeInt(warm.length);
            out.write(warm);
            out.writeLong(warmStartFrom);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a job; IOException (with a reason) for anything malformed: the caller dead-letters it. */
    public static Job decode(byte[] body) throws IOException {
        if (body == null || body.length == 0) throw new IOException("empty job");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        try {
            byte v = in.readByte();
            if (v != VERSION) throw new IOException("unknown job version " + v);
            String problemId = readString(in);
            ReturnType type;
            Direction direction;
            Mode mode;
            try {
                type = ReturnType.parse(readString(in));
                direction = Direction.valueOf(readString(in));
                mode = Mode.valueOf(readString(in));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage());
            }
            long limit = in.readLong();
            double tolerance = in.readDouble();
            long seed = in.readLong();
            long budget = in.readLong();
            if (limit < 1 || limit > DAY_MILLIS) throw new IOException("time limit out of range: " + limit);
            if (!(tolerance >= 0) || Double.isInfinite(tolerance)) throw new IOException("bad tolerance " + tolerance);
            if (mode == Mode.SEARCH ? budget < 1 || budget > DAY_MILLIS : budget != 0) throw new IOException("budget out of range: " + budget);
            String source = readString(in);
            String verifierClass = readString(in);
            String verifierText = readString(in);
            if (mode == Mode.SEARCH && (verifierClass.isEmpty() || verifierText.isEmpty())) throw new IOException("a search job needs the verifier's source");
            int n = in.readInt();
            if (n < 0 || n > in.available()) throw new IOException("bad warm start length " + n);
            Object warm = RawResult.decodeArray(in.readNBytes(n));
            long warmFrom = in.readLong();
            if (in.available() > 0) throw new IOException(in.available() + " trailing bytes");
            if (warm != null && !type.accepts(warm)) throw new IOException("the warm start is not a " + type.javaName());
            return new Job(problemId, type, direction, mode, limit, tolerance, seed, budget, source,
                    verifierClass.isEmpty() ? null : new VerifierSource(verifierClass, verifierText), warm, warm == null ? -1 : warmFrom);
        } catch (java.io.EOFException e) {
            throw new IOException("truncated job", e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("bad string length " + n);
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
