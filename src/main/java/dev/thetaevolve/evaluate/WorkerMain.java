package dev.thetaevolve.evaluate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Main class of a worker JVM, started by {@link WorkerPoolEvaluator}. It keeps the real stdout for frames
 * ({@link WorkerProtocol}), points System.out/err at a bounded sink, warms Janino up, says HELLO, then
 * serves requests one at a time until stdin closes. Candidates run on the main thread; the parent owns
 * every time limit and kills this process when one expires. Compilations (bytecode that passed the scan,
 * or the compile error) are cached by SHA-256 of the source; classes are defined afresh per evaluation.
 *
 * <p>No Throwable a candidate made reaches this class's own catch: compiling, class loading,
 * {@code <clinit>} and the run each stop every Throwable, and {@link Failures} formats it (never the
 * throwable itself) while the candidate's clock still runs. After each run the worker compares its
 * process-wide state with the one after warm-up ({@link WorkerState}); when it changed, or the run may
 * have left a library class broken (a JVM error, a candidate that catches them), the RESULT frame says so
 * and the worker exits right after it, so the pool replaces it.
 */
public final class WorkerMain {

    private static final int CACHE_ENTRIES = 256;
    private static final int SINK_BYTES = 64 * 1024;
    private static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final CandidateCompiler compiler;
    private final ClassLoader runtimeParent;
    private final BoundedSink sink;
    private final WorkerSearch searcher;
    /** The process-wide state after warm-up, compared after every evaluation ({@link WorkerState}). */
    private WorkerState baseline;
    private final Map<String, CandidateCompiler.Compiled> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CandidateCompiler.Compiled> e) {
            return size() > CACHE_ENTRIES;
        }
    };

    private WorkerMain(DataInputStream in, DataOutputStream out, BoundedSink sink) {
        this.in = in;
        this.out = out;
        this.sink = sink;
        ClassLoader own = WorkerMain.class.getClassLoader();
        this.compiler = new CandidateCompiler(own);
        this.runtimeParent = new FilteringClassLoader(own, true);
        this.searcher = new WorkerSearch(own);
    }

    public static void main(String[] args) {
        PrintStream realErr = System.err;
        ignoreCtrlC();
        try {
            run();
        } catch (Throwable e) {
            // the worker's own failure, not a candidate's: tell the parent's stderr drain, then die (formatted
            // here, never by the throwable itself)
            realErr.println("worker failed: " + Failures.describe(e, null));
            realErr.flush();
            Runtime.getRuntime().halt(2);
        }
    }

    /**
     * Ctrl-C on a terminal signals the whole process group, workers included; the parent lets the step in
     * flight finish, so its workers must live on. They end when the parent closes their stdin or kills them.
     */
    private static void ignoreCtrlC() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException | UnsupportedOperationException noSignal) {
            // no SIGINT on this platform: nothing to ignore
        }
    }

    private static void run() throws IOException {
        DataOutputStream frames = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        DataInputStream requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        BoundedSink sink = new BoundedSink(SINK_BYTES);
        PrintStream printSink = new SinkStream(sink);
        System.setOut(printSink);
        System.setErr(printSink);
        System.setIn(InputStream.nullInputStream());
        WorkerMain worker = new WorkerMain(requests, frames, sink);
        worker.warmUp();
        worker.baseline = WorkerState.capture();
        WorkerProtocol.writeFrame(frames, new WorkerProtocol.Payload(WorkerProtocol.HELLO).bytes());
        worker.serve();
    }

    private void warmUp() {
        String src = "public class Warm { public static double[] solve() { double[] a = new double[8];"
                + " for (int i = 0; i < a.length; i++) a[i] = Math.sqrt(i); return a; } }";
        for (int i = 0; i < 3; i++) compiler.compile(src.replace("Warm", "Warm" + i), "double[]");
    }

    private void serve() throws IOException {
        while (true) {
            DataInputStream req;
            try {
                req = WorkerProtocol.readFrame(in, MAX_REQUEST_BYTES);
            } catch (EOFException e) {
                return; // the parent closed our stdin: done
            }
            byte op = req.readByte();
            if (op == WorkerProtocol.OP_EVAL) {
                evaluate(WorkerProtocol.readString(req), WorkerProtocol.readString(req), req.readLong(), req.readLong());
            } else if (op == WorkerProtocol.OP_SEARCH) {
                search(WorkerSearch.Request.read(req));
            } else if (op == WorkerProtocol.OP_PROBE) {
                probe();
            } else {
                throw new IOException("unknown request " + op);
            }
        }
    }

    private void probe() throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        System.getenv().forEach((k, v) -> facts.put("env." + k, v));
        facts.put("java.io.tmpdir", System.getProperty("java.io.tmpdir"));
        facts.put("user.dir", System.getProperty("user.dir"));
        facts.put("pid", Long.toString(ProcessHandle.current().pid()));
        WorkerProtocol.Payload p = new WorkerProtocol.Payload(WorkerProtocol.PROBED);
        p.writeInt(facts.size());
        for (Map.Entry<String, String> e : facts.entrySet()) {
            p.writeString(e.getKey());
            p.writeString(e.getValue());
        }
        WorkerProtocol.writeFrame(out, p.bytes());
    }

    private void evaluate(String source, String returnType, long maxElements, long maxBytes) throws IOException {
        long t0 = System.nanoTime();
        Compile c = compileCached(sha256(source + "\u0000" + returnType), () -> compiler.compile(source, returnType));
        if (!answerCompiled(c, System.nanoTime() - t0)) return;

        sink.reset();
        long start = System.nanoTime();
        Object output;
        try {
            Class<?> entry = Class.forName(c.compiled.entryClass(), false, new CandidateClassLoader(runtimeParent, c.compiled.classes()));
            Method solve = entry.getMethod("solve");
            output = solve.invoke(null);
        } catch (Throwable e) {
            Failed f = failed(e, c.compiled);
            answer(c.compiled, ErrorKind.RUNTIME, System.nanoTime() - start, f.message, null, f.recycle, null);
            return;
        }
        long nanos = System.nanoTime() - start;
        String invalid = WorkerProtocol.checkOutput(output, returnType, maxElements, maxBytes);
        answer(c.compiled, invalid == null ? null : ErrorKind.INVALID_OUTPUT, nanos, invalid, invalid == null ? output : null, null, null);
    }

    /** A compilation and whether it came from the cache; {@code recycle} says why this JVM must go after answering. */
    private record Compile(CandidateCompiler.Compiled compiled, boolean cached, String recycle) {
    }

    /**
     * The cached compilation for {@code key}, else {@code compile}'s. A compiler that throws (a parser
     * that overflows its stack on a deeply nested source...) gives COMPILE; when it was a JVM error the
     * worker leaves after answering, since a half-initialised compiler class would fail later sources.
     */
    private Compile compileCached(String key, Supplier<CandidateCompiler.Compiled> compile) {
        CandidateCompiler.Compiled compiled = cache.get(key);
        if (compiled != null) return new Compile(compiled, true, null);
        String recycle = null;
        try {
            compiled = compile.get();
        } catch (Throwable e) {
            compiled = new CandidateCompiler.Compiled(null, Map.of(), null, ErrorKind.COMPILE,
                    "the compiler failed on this source: " + Failures.describe(e, null));
            if (Failures.jvmError(e)) recycle = "the compiler hit " + Failures.jvmErrorName(e);
        }
        cache.put(key, compiled);
        return new Compile(compiled, false, recycle);
    }

    /** Sends COMPILED; true when the candidate compiled and its run follows. */
    private boolean answerCompiled(Compile c, long nanos) throws IOException {
        WorkerProtocol.Payload p = new WorkerProtocol.Payload(WorkerProtocol.COMPILED);
        p.writeByte(WorkerProtocol.status(c.compiled.errorKind()));
        p.writeByte(WorkerProtocol.tier(c.compiled.tier()));
        p.writeLong(nanos);
        p.writeBoolean(c.cached);
        p.writeString(c.compiled.message());
        boolean leave = c.recycle != null && !c.compiled.ok();
        p.writeBoolean(leave);
        WorkerProtocol.writeFrame(out, p.bytes());
        if (leave) exitForReplacement();
        return c.compiled.ok();
    }

    /** A run's failure as a message, and why the worker must leave after it (or null). */
    private record Failed(String message, String recycle) {
    }

    /** Formats a Throwable from loading, initialising or running the candidate; runs under the candidate's clock. */
    private static Failed failed(Throwable e, CandidateCompiler.Compiled compiled) {
        Set<String> own = compiled.classes().keySet();
        Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
        String message;
        if (cause.getClass() == ExceptionInInitializerError.class) {
            message = "static initializer failed: " + Failures.describe(cause.getCause(), own);
        } else if (cause == e && e instanceof LinkageError) {
            message = "could not load or initialise the candidate: " + Failures.describe(e, own);
        } else {
            message = Failures.describe(cause, own);
        }
        return new Failed(message, Failures.jvmError(e) ? "the run ended with " + Failures.jvmErrorName(e) : null);
    }

    /**
     * Sends RESULT: status, run time, message (capped), output, the search figures when {@code outcome}
     * writes them, then whether this worker leaves. Checks the worker's process-wide state first, still
     * under the candidate's clock (the parent's watchdog runs until this frame arrives).
     */
    private void answer(CandidateCompiler.Compiled compiled, ErrorKind kind, long nanos, String message, Object output,
                        String recycle, WorkerProtocol.Writer outcome) throws IOException {
        if (recycle == null && compiled.catchesErrors()) recycle = "the candidate catches errors the JVM throws";
        if (recycle == null) recycle = WorkerState.capture().changeSince(baseline);
        WorkerProtocol.Payload r = new WorkerProtocol.Payload(WorkerProtocol.RESULT);
        r.writeByte(WorkerProtocol.status(kind));
        r.writeLong(nanos);
        r.writeString(Messages.cap(message, Messages.WHOLE));
        WorkerProtocol.writeOutput(r, kind == null ? output : null);
        if (outcome != null) outcome.write(r);
        r.writeBoolean(recycle != null);
        r.writeString(recycle);
        WorkerProtocol.writeFrame(out, r.bytes());
        if (recycle != null) exitForReplacement();
    }

    /** Answered, and this JVM may carry something of the candidate's: leave, so the pool starts a fresh one. */
    private void exitForReplacement() throws IOException {
        out.flush();
        Runtime.getRuntime().halt(0);
    }

    /**
     * A search-mode request: compile (cached; the entry must offer initial/improve/perturb), then run the
     * {@link WorkerSearch} harness until the request's budget. Answers COMPILED then RESULT like an EVAL;
     * the RESULT carries the harness's figures after the output.
     */
    private void search(WorkerSearch.Request q) throws IOException {
        long t0 = System.nanoTime();
        Compile c = compileCached(sha256(q.source() + "\u0000" + q.returnType() + "\u0000search"), () -> {
            CandidateCompiler.Compiled compiled = compiler.compile(q.source(), q.returnType(), true);
            if (!compiled.ok()) return compiled;
            String missing;
            try {
                Class<?> probe = Class.forName(compiled.entryClass(), false, new CandidateClassLoader(runtimeParent, compiled.classes()));
                missing = WorkerSearch.missingMethods(probe, dev.thetaevolve.problem.ReturnType.parse(q.returnType()));
            } catch (Throwable e) {
                missing = "could not load the candidate: " + Failures.describe(e, compiled.classes().keySet());
            }
            return missing == null ? compiled : new CandidateCompiler.Compiled(compiled.tier(), Map.of(), null, ErrorKind.COMPILE, missing);
        });
        if (!answerCompiled(c, System.nanoTime() - t0)) return;

        sink.reset();
        long runStart = System.nanoTime();
        WorkerSearch.Result result;
        try {
            Class<?> entry = Class.forName(c.compiled.entryClass(), false, new CandidateClassLoader(runtimeParent, c.compiled.classes()));
            result = searcher.run(entry, q, c.compiled);
        } catch (Throwable e) {
            Failed f = failed(e, c.compiled);
            result = new WorkerSearch.Result(ErrorKind.RUNTIME, f.message, null, null, f.recycle);
        }
        long runNanos = System.nanoTime() - runStart;
        ErrorKind kind = result.kind();
        String message = result.message();
        Object output = result.output();
        if (kind == null) {
            message = WorkerProtocol.checkOutput(output, q.returnType(), q.maxElements(), q.maxBytes());
            if (message != null) {
                kind = ErrorKind.INVALID_OUTPUT;
                output = null;
            }
        }
        SearchOutcome outcome = new SearchOutcome(result);
        answer(c.compiled, kind, runNanos, message, output, result.recycle(), outcome::write);
    }

    /** Writes a search's figures into its RESULT frame. */
    private record SearchOutcome(WorkerSearch.Result result) {
        void write(WorkerProtocol.Payload p) throws IOException {
            WorkerSearch.writeOutcome(p, result.outcome());
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * System.out and System.err of the worker. Candidates reach it through {@code Throwable.printStackTrace()}
     * (an override of {@code printStackTrace(PrintStream)} gets it), so closing it does nothing but flush.
     */
    static final class SinkStream extends PrintStream {
        SinkStream(OutputStream sink) {
            super(sink, true, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** Where System.out/err go: keeps the first {@code cap} bytes of each evaluation and drops the rest. */
    static final class BoundedSink extends OutputStream {
        private final byte[] buffer;
        private int written;

        BoundedSink(int cap) {
            buffer = new byte[cap];
        }

        synchronized void reset() {
            written = 0;
        }

        @Override
        public synchronized void write(int b) {
            if (written < buffer.length) buffer[written++] = (byte) b;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int n = Math.min(len, buffer.length - written);
            if (n > 0) {
                System.arraycopy(b, off, buffer, written, n);
                written += n;
            }
        }
    }
}
