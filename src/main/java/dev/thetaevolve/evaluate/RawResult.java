package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.Verification;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an evaluator outside this process sends back for one candidate: how compiling and running went, and
 * the raw construction when {@code solve()} returned one. It carries no validity and no score: those are
 * recomputed here, by the trusted verifier, from the raw numbers ({@link #verify}). A compromised evaluator
 * can waste time or claim a failure, but it cannot forge a score.
 *
 * @param kind          the failure before verification (compile, forbidden, timeout, memory, runtime, an output
 *                      that is not a plain array); null when {@code solve()} returned an output
 * @param message       the failure's message; null when there is none
 * @param tier          the compiler that produced the classes; null when nothing was compiled
 * @param compileMillis time spent compiling
 * @param runMillis     time spent in {@code solve()}
 * @param output        the raw construction; null when there is a failure
 * @param figures       the worker's own figures (search mode's harness: steps, improvements); the verifier's
 *                      metrics win over any of the same name
 */
public record RawResult(ErrorKind kind, String message, Tier tier, long compileMillis, long runMillis, Object output,
                        Map<String, Double> figures) {

    public RawResult {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
    }

    private static final byte VERSION = 1;

    /** The raw part of a local verdict: its output when it has one (verification is redone by the receiver), else its error. */
    public static RawResult of(Verdict v) {
        if (v.output() != null) return new RawResult(null, null, v.tier(), v.compileMillis(), v.runMillis(), v.output(), v.metrics());
        if (v.error() == null) return new RawResult(ErrorKind.INTERNAL, "the evaluator produced neither an output nor an error", v.tier(),
                v.compileMillis(), v.runMillis(), null, Map.of());
        return new RawResult(v.error().kind(), v.error().message(), v.tier(), v.compileMillis(), v.runMillis(), null, v.metrics());
    }

    /** The verdict, recomputed from the raw output by the problem's trusted verifier (as the local pool does). */
    public Verdict verify(Problem problem, double tolerance) {
        if (output == null) {
            ErrorKind k = kind == null ? ErrorKind.INTERNAL : kind;
            String m = kind == null ? "the evaluator sent neither an output nor an error" : message == null ? k.name() : message;
            return Verdict.failed(k, m, tier, compileMillis, runMillis);
        }
        Verification v = problem.verify(output, tolerance);
        Map<String, Double> metrics = v.metrics();
        if (!figures.isEmpty()) {
            metrics = new LinkedHashMap<>(figures);
            metrics.putAll(v.metrics());
        }
        if (v.valid() && Double.isFinite(v.score())) {
            return new Verdict(true, v.score(), metrics, null, tier, compileMillis, runMillis, output, v.strictScore());
        }
        String reason = v.valid() ? "the verifier produced a non-finite score " + v.score() : v.reason();
        return new Verdict(false, null, metrics, new EvalError(ErrorKind.INVALID_OUTPUT, reason), tier, compileMillis, runMillis, output, null);
    }

    /** The wire form: a version byte, then the fields; the output as plain numbers (no Java serialization). */
    public byte[] encode() {
        try {
            WorkerProtocol.Payload p = new WorkerProtocol.Payload(VERSION);
            p.writeString(kind == null ? "" : kind.name());
            p.writeString(message == null ? "" : message);
            p.writeString(tier == null ? "" : tier.name());
            p.writeLong(compileMillis);
            p.writeLong(runMillis);
            WorkerProtocol.writeOutput(p, output);
            p.writeInt(figures.size());
            for (Map.Entry<String, Double> f : figures.entrySet()) {
                p.writeString(f.getKey());
                p.writeDouble(f.getValue());
            }
            return p.bytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decodes {@link #encode()}'s form. Lengths are checked against what the message holds, so a lying sender
     * cannot make this allocate more than it sent.
     *
     * @throws IOException for anything that is not a well-formed result
     */
    public static RawResult decode(byte[] body) throws IOException {
        if (body == null || body.length == 0) throw new IOException("empty result");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        try {
            byte version = in.readByte();
            if (version != VERSION) throw new IOException("unknown result version " + version);
            ErrorKind kind = enumOf(ErrorKind.class, WorkerProtocol.readString(in));
            String message = WorkerProtocol.readString(in);
            Tier tier = enumOf(Tier.class, WorkerProtocol.readString(in));
            long compileMillis = in.readLong();
            long runMillis = in.readLong();
            Object output = WorkerProtocol.readOutput(in);
            int n = in.readInt();
            if (n < 0 || n > in.available() / 12) throw new IOException("bad figure count " + n);
            Map<String, Double> figures = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) figures.put(WorkerProtocol.readString(in), in.readDouble());
            if (in.available() > 0) throw new IOException(in.available() + " trailing bytes");
            if (kind == null && output == null) throw new IOException("a result needs an output or an error");
            return new RawResult(kind, message.isEmpty() ? null : message, tier, compileMillis, runMillis, kind == null ? output : null, figures);
        } catch (IllegalArgumentException | java.io.EOFException e) {
            throw new IOException("malformed result: " + e.getMessage(), e);
        }
    }

    /** Encodes a construction (one of the six array types, or null) as the worker protocol does. */
    public static byte[] encodeArray(Object array) {
        try {
            WorkerProtocol.Payload p = new WorkerProtocol.Payload(VERSION);
            WorkerProtocol.writeOutput(p, array);
            return p.bytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes {@link #encodeArray}; IOException for anything malformed. */
    public static Object decodeArray(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            if (in.readByte() != VERSION) throw new IOException("unknown array version");
            Object o = WorkerProtocol.readOutput(in);
            if (in.available() > 0) throw new IOException(in.available() + " trailing bytes");
            return o;
        } catch (java.io.EOFException e) {
            throw new IOException("truncated array", e);
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) throws IOException {
        if (name.isEmpty()) return null;
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown " + type.getSimpleName() + " '" + name + "'");
        }
    }
}
