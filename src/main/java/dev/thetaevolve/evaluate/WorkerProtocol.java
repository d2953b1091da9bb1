package dev.thetaevolve.evaluate;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire format between the service and a worker JVM: length-prefixed frames (a big-endian int, then
 * that many bytes) over the worker's stdin and stdout. Requests: EVAL (source, return type, output caps)
 * and PROBE. A worker answers an EVAL with a COMPILED frame (tier, compile time, or an error) and, when it
 * compiled, a RESULT frame (run time and the raw array, or an error); PROBE with its environment. A worker
 * sends HELLO once it is warm. The output travels as plain numbers: no Java serialization anywhere.
 */
final class WorkerProtocol {

    private WorkerProtocol() {
    }

    static final byte OP_EVAL = 1;
    static final byte OP_PROBE = 2;
    /** Search mode: an EVAL's fields, then the verifier, direction, tolerance, seed, budget and warm start (see {@link WorkerSearch}). */
    static final byte OP_SEARCH = 3;

    static final byte HELLO = 10;
    static final byte COMPILED = 11;
    static final byte RESULT = 12;
    static final byte PROBED = 13;

    /** Status byte: 0 = ok, else 1 + ErrorKind ordinal. */
    static byte status(ErrorKind kind) {
        return kind == null ? 0 : (byte) (1 + kind.ordinal());
    }

    static ErrorKind kind(byte status) {
        return status == 0 ? null : ErrorKind.values()[status - 1];
    }

    static byte tier(Tier t) {
        return t == null ? -1 : (byte) t.ordinal();
    }

    static Tier tier(byte b) {
        return b < 0 ? null : Tier.values()[b];
    }

    // ---- frames

    static void writeFrame(DataOutputStream out, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Reads one frame; {@link EOFException} when the peer is gone, IOException when it exceeds {@code maxBytes}. */
    static DataInputStream readFrame(DataInputStream in, long maxBytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > maxBytes) throw new IOException("frame of " + n + " bytes exceeds the limit of " + maxBytes);
        byte[] b = new byte[n];
        in.readFully(b);
        return new DataInputStream(new java.io.ByteArrayInputStream(b));
    }

    /** Appends a part to a frame (the search figures of a RESULT). */
    @FunctionalInterface
    interface Writer {
        void write(Payload p) throws IOException;
    }

    /** A growable buffer that becomes one frame. */
    static final class Payload extends DataOutputStream {
        Payload(byte type) throws IOException {
            super(new ByteArrayOutputStream());
            writeByte(type);
        }

        byte[] bytes() {
            return ((ByteArrayOutputStream) out).toByteArray();
        }

        void writeString(String s) throws IOException {
            byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
            writeInt(b.length);
            write(b);
        }
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("bad string length " + n);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    // ---- requests

    static byte[] evalRequest(String source, String returnTypeName, long maxElements, long maxBytes) throws IOException {
        Payload p = new Payload(OP_EVAL);
        p.writeString(source);
        p.writeString(returnTypeName);
        p.writeLong(maxElements);
        p.writeLong(maxBytes);
        return p.bytes();
    }

    static byte[] searchRequest(EvalRequest r, long maxElements, long maxBytes) throws IOException {
        if (r.problem().verifierSource() == null) {
            throw new IOException("problem " + r.problem().id() + " has no verifier source, which search mode needs in the worker");
        }
        Payload p = new Payload(OP_SEARCH);
        p.writeString(r.source());
        p.writeString(r.problem().spec().returnType().javaName());
        p.writeLong(maxElements);
        p.writeLong(maxBytes);
        p.writeString(r.problem().verifierSource().className());
        p.writeString(r.problem().verifierSource().text());
        p.writeBoolean(r.problem().direction() == dev.thetaevolve.problem.Direction.MAXIMIZE);
        p.writeDouble(r.tolerance());
        p.writeLong(r.seed());
        p.writeLong(r.budgetMillis() * 1_000_000L);
        Object warm = r.warmStart() != null && r.problem().spec().returnType().accepts(r.warmStart()) ? r.warmStart() : null;
        writeOutput(p, warm);
        return p.bytes();
    }

    static byte[] probeRequest() throws IOException {
        return new Payload(OP_PROBE).bytes();
    }

    // ---- outputs: tag, then dimensions and values

    private static final String[] TYPE_NAMES = {null, "double[][]", "double[]", "long[][]", "int[][]", "int[]", "long[]"};

    /**
     * Checks that {@code o} is one of the six array types, free of null rows and within the caps; returns
     * null when fine, else a message naming what it got. Runs no candidate code.
     */
    static String checkOutput(Object o, String expected, long maxElements, long maxBytes) {
        if (o == null) return "solve() returned null; it must return a " + expected;
        int tag = tag(o);
        if (tag == 0) return "solve() returned a " + o.getClass().getTypeName() + "; it must return a " + expected;
        long elements = 0;
        if (o instanceof Object[] rows) {
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] == null) return "solve() returned a " + TYPE_NAMES[tag] + " whose row " + i + " is null";
                elements += 1 + java.lang.reflect.Array.getLength(rows[i]);
            }
        } else {
            elements = java.lang.reflect.Array.getLength(o);
        }
        if (elements > maxElements) return "solve() returned " + elements + " numbers; the cap is " + maxElements;
        long bytes = 16 + 8 * elements;
        if (bytes > maxBytes) return "solve() returned about " + bytes + " bytes; the cap is " + maxBytes;
        return null;
    }

    private static int tag(Object o) {
        if (o instanceof double[][]) return 1;
        if (o instanceof double[]) return 2;
        if (o instanceof long[][]) return 3;
        if (o instanceof int[][]) return 4;
        if (o instanceof int[]) return 5;
        if (o instanceof long[]) return 6;
        return 0;
    }

    /** Writes an output {@link #checkOutput} accepted (or null as tag 0). */
    static void writeOutput(DataOutputStream out, Object o) throws IOException {
        int tag = o == null ? 0 : tag(o);
        out.writeByte(tag);
        switch (tag) {
            case 1 -> {
                double[][] m = (double[][]) o;
                out.writeInt(m.length);
                for (double[] r : m) writeDoubles(out, r);
            }
            case 2 -> writeDoubles(out, (double[]) o);
            case 3 -> {
                long[][] m = (long[][]) o;
                out.writeInt(m.length);
                for (long[] r : m) writeLongs(out, r);
            }
            case 4 -> {
                int[][] m = (int[][]) o;
                out.writeInt(m.length);
                for (int[] r : m) writeInts(out, r);
            }
            case 5 -> writeInts(out, (int[]) o);
            case 6 -> writeLongs(out, (long[]) o);
            default -> {
            }
        }
    }

    static Object readOutput(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> {
                double[][] m = new double[length(in, 4)][];
                for (int i = 0; i < m.length; i++) m[i] = readDoubles(in);
                yield m;
            }
            case 2 -> readDoubles(in);
            case 3 -> {
                long[][] m = new long[length(in, 4)][];
                for (int i = 0; i < m.length; i++) m[i] = readLongs(in);
                yield m;
            }
            case 4 -> {
                int[][] m = new int[length(in, 4)][];
                for (int i = 0; i < m.length; i++) m[i] = readInts(in);
                yield m;
            }
            case 5 -> readInts(in);
            case 6 -> readLongs(in);
            default -> throw new IOException("unknown output tag " + tag);
        };
    }

    /** A length that the remaining frame can actually hold: a lying worker cannot make us allocate. */
    private static int length(DataInputStream in, int bytesPerElement) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytesPerElement > in.available()) throw new IOException("bad array length " + n);
        return n;
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeDouble(v);
    }

    private static void writeLongs(DataOutputStream out, long[] a) throws IOException {
        out.writeInt(a.length);
        for (long v : a) out.writeLong(v);
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) out.writeInt(v);
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[length(in, 8)];
        for (int i = 0; i < a.length; i++) a[i] = in.readDouble();
        return a;
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        long[] a = new long[length(in, 8)];
        for (int i = 0; i < a.length; i++) a[i] = in.readLong();
        return a;
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] a = new int[length(in, 4)];
        for (int i = 0; i < a.length; i++) a[i] = in.readInt();
        return a;
    }

    static Map<String, String> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) m.put(readString(in), readString(in));
        return m;
    }
}
