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

/**
 * Main class of a worker JVM, started by {@link WorkerPoolEvaluator}. It keeps the real stdout for frames
 * ({@link WorkerProtocol}), points System.out/err at a bounded sink, warms Janino up, says HELLO, then
 * serves requests one at a time until stdin closes. Candidates run on the main thread; the parent owns
 * every time limit and kills this process when one expires. Compilations (bytecode that passed the scan,
 * or the compile error) are cached by SHA-256 of the source; classes are defined afresh per evaluation.
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
    }

    public static void main(String[] args) {
        PrintStream realErr = System.err;
        try {
            run();
        } catch (Throwable e) {
            // the worker's own failure, not a candidate's: tell the parent's stderr drain, then die
            e.printStackTrace(realErr);
            realErr.flush();
            Runtime.getRuntime().halt(2);
        }
    }

    private static void run() throws IOException {
        DataOutputStream frames = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        DataInputStream requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        BoundedSink sink = new BoundedSink(SINK_BYTES);
        PrintStream printSink = new PrintStream(sink, true, StandardCharsets.UTF_8);
        System.setOut(printSink);
        System.setErr(printSink);
        System.setIn(InputStream.nullInputStream());
        WorkerMain worker = new WorkerMain(requests, frames, sink);
        worker.warmUp();
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
        String key = sha256(source + "\u0000" + returnType);
        CandidateCompiler.Compiled compiled = cache.get(key);
        boolean cached = compiled != null;
        if (!cached) {
            compiled = compiler.compile(source, returnType);
            cache.put(key, compiled);
        }
        long compileNanos = System.nanoTime() - t0;
        WorkerProtocol.Payload c = new WorkerProtocol.Payload(WorkerProtocol.COMPILED);
        c.writeByte(WorkerProtocol.status(compiled.errorKind()));
        c.writeByte(WorkerProtocol.tier(compiled.tier()));
        c.writeLong(compileNanos);
        c.writeBoolean(cached);
        c.writeString(compiled.message());
        WorkerProtocol.writeFrame(out, c.bytes());
        if (!compiled.ok()) return;

        sink.reset();
        ErrorKind kind = null;
        String message = null;
        Object output = null;
        long runStart = System.nanoTime();
        try {
            Class<?> entry = Class.forName(compiled.entryClass(), false, new CandidateClassLoader(runtimeParent, compiled.classes()));
            Method solve = entry.getMethod("solve");
            output = solve.invoke(null);
        } catch (InvocationTargetException e) {
            kind = ErrorKind.RUNTIME;
            message = describe(e.getCause(), compiled);
        } catch (ExceptionInInitializerError e) {
            kind = ErrorKind.RUNTIME;
            message = "static initializer failed: " + describe(e.getCause(), compiled);
        } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
            kind = ErrorKind.RUNTIME;
            message = "could not load the candidate: " + e;
        }
        long runNanos = System.nanoTime() - runStart;
        if (kind == null) {
            message = WorkerProtocol.checkOutput(output, returnType, maxElements, maxBytes);
            if (message != null) {
                kind = ErrorKind.INVALID_OUTPUT;
                output = null;
            }
        }
        WorkerProtocol.Payload r = new WorkerProtocol.Payload(WorkerProtocol.RESULT);
        r.writeByte(WorkerProtocol.status(kind));
        r.writeLong(runNanos);
        r.writeString(message);
        WorkerProtocol.writeOutput(r, kind == null ? output : null);
        output = null;
        WorkerProtocol.writeFrame(out, r.bytes());
    }

    /**
     * What a candidate threw, with the first frames in its own classes (line numbers of its source).
     * Overridden toString or getStackTrace may run candidate code: the parent's clock still runs here.
     */
    private static String describe(Throwable t, CandidateCompiler.Compiled compiled) {
        if (t == null) return "unknown failure";
        try {
            if (t instanceof StackOverflowError) {
                return "java.lang.StackOverflowError: recursion too deep for the worker stack" + frames(t, compiled);
            }
            String m = t.getMessage();
            return t.getClass().getName() + (m == null ? "" : ": " + m) + frames(t, compiled);
        } catch (Throwable inner) {
            return t.getClass().getName() + " (its message could not be read: " + inner.getClass().getName() + ")";
        }
    }

    private static String frames(Throwable t, CandidateCompiler.Compiled compiled) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        StackTraceElement previous = null;
        for (StackTraceElement e : t.getStackTrace()) {
            if (!compiled.classes().containsKey(e.getClassName()) || e.equals(previous)) continue;
            previous = e;
            sb.append("\n  at ").append(e.getClassName()).append('.').append(e.getMethodName())
                    .append(" (line ").append(e.getLineNumber()).append(')');
            if (++n == 3) break;
        }
        return sb.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
