package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.thetaevolve.evaluate.TestProblems.cand;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile candidates against real worker JVMs. Each case asserts the error kind (and, where it matters, the
 * tier, proving both compilers' output is scanned), that no side effect happened (the marker file it aims
 * at does not exist; the loopback server got no connection), and that the pool still evaluates the seed.
 */
class HostileCandidateTest {

    private static WorkerPoolEvaluator pool;
    private static Problem problem;
    private static ServerSocket server;
    private static final AtomicInteger connections = new AtomicInteger();

    @TempDir
    static Path dir;

    record Case(String name, ErrorKind kind, Tier tier, String fragment, String source) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws IOException {
        pool = WorkerPoolEvaluator.builder().workers(2).spares(1).heapMb(256).build();
        problem = TestProblems.circlePacking(3_000);
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        server.setSoTimeout(200);
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // poll again
                } catch (IOException e) {
                    return;
                }
            }
        }, "hostile-test-accept");
        accept.setDaemon(true);
        accept.start();
    }

    @AfterAll
    static void stop() throws IOException {
        pool.close();
        server.close();
    }

    static List<Case> cases() {
        return List.of(
                // ---- processes
                new Case("exec_runtime", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.lang.Runtime",
                        cand("Runtime.getRuntime().exec(new String[] {\"touch\", \"MARKER\"}); return grid();")),
                new Case("exec_processBuilderInLambda", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.lang.ProcessBuilder",
                        cand("var pb = new ProcessBuilder(\"touch\", \"MARKER\");\n"
                                + "Runnable r = () -> { try { pb.start(); } catch (Exception e) { } };\nr.run();\nreturn grid();")),
                // ---- files
                new Case("file_fileOutputStream", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.io.FileOutputStream",
                        cand("java.io.FileOutputStream out = new java.io.FileOutputStream(\"MARKER\"); out.write(1); out.close(); return grid();")),
                new Case("file_createNewFile", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.io.File",
                        cand("new java.io.File(\"MARKER\").createNewFile(); return grid();")),
                new Case("file_nioFilesWriteWithVar", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.nio.file",
                        cand("var p = java.nio.file.Path.of(\"MARKER\");\njava.nio.file.Files.writeString(p, \"x\");\nreturn grid();")),
                new Case("file_nioReadWithStream", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.nio.file",
                        cand("var n = java.nio.file.Files.lines(java.nio.file.Path.of(\"/etc/passwd\")).map(s -> s.length()).count();\nreturn grid();")),
                new Case("file_fileInputStream", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.io.FileInputStream",
                        cand("new java.io.FileInputStream(\"/etc/hostname\").read(); return grid();")),
                new Case("file_randomAccessFile", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.io.RandomAccessFile",
                        cand("java.io.RandomAccessFile f = new java.io.RandomAccessFile(\"MARKER\", \"rw\"); f.write(1); f.close(); return grid();")),
                new Case("file_formatterWithPath", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.util.Formatter",
                        cand("java.util.Formatter f = new java.util.Formatter(\"MARKER\"); f.format(\"%d\", 1); f.close(); return grid();")),
                new Case("file_serialization", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.io.",
                        cand("java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(new java.io.FileOutputStream(\"MARKER\")); o.writeObject(\"x\"); return grid();")),
                // ---- network
                new Case("net_socket", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.net.Socket",
                        cand("new java.net.Socket(\"127.0.0.1\", PORT).close(); return grid();")),
                new Case("net_url", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.net.URL",
                        cand("new java.net.URL(\"http://127.0.0.1:PORT/\").openStream().read(); return grid();")),
                new Case("net_httpClientWithVar", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.net",
                        cand("var c = java.net.http.HttpClient.newHttpClient();\n"
                                + "var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(\"http://127.0.0.1:PORT/\")).build();\n"
                                + "c.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());\nreturn grid();")),
                new Case("net_datagram", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.net",
                        cand("new java.net.DatagramSocket().send(new java.net.DatagramPacket(new byte[1], 1, java.net.InetAddress.getByName(\"127.0.0.1\"), PORT)); return grid();")),
                // ---- reflection, class loading, method handles, Unsafe
                new Case("reflect_classForName", ErrorKind.FORBIDDEN, null, "java.lang.Class.forName",
                        cand("Object rt = Class.forName(\"java.lang.Runtime\"); return grid();")),
                new Case("reflect_getDeclaredMethodSetAccessible", ErrorKind.FORBIDDEN, Tier.JAVAC, "reflect",
                        cand("var m = String.class.getDeclaredMethod(\"length\");\nm.setAccessible(true);\nreturn grid();")),
                new Case("reflect_getClass", ErrorKind.FORBIDDEN, Tier.JANINO, "getClass",
                        cand("Object o = new ArrayList(); Class c = o.getClass(); return grid();")),
                new Case("classLoader_subclass", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.lang.ClassLoader",
                        cand("new L(); return grid();", "static class L extends ClassLoader { }")),
                new Case("methodHandles_lookup", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.lang.invoke.MethodHandles",
                        cand("var l = java.lang.invoke.MethodHandles.lookup(); return grid();")),
                new Case("unsafe", ErrorKind.FORBIDDEN, Tier.JAVAC, "sun.misc.Unsafe",
                        cand("Object u = sun.misc.Unsafe.getUnsafe(); return grid();")),
                new Case("workerInternals", ErrorKind.FORBIDDEN, Tier.JAVAC, "dev.thetaevolve",
                        cand("dev.thetaevolve.evaluate.WorkerMain.main(new String[0]); return grid();")),
                new Case("compilerInternals", ErrorKind.FORBIDDEN, Tier.JAVAC, "org.codehaus",
                        cand("new org.codehaus.janino.SimpleCompiler().cook(\"class X {}\"); return grid();")),
                new Case("commonsMath_valueServer", ErrorKind.FORBIDDEN, Tier.JAVAC, "ValueServer",
                        cand("new org.apache.commons.math3.random.ValueServer().setValuesFileURL(\"file:///etc/passwd\"); return grid();")),
                // ---- threads
                new Case("thread_anonymousRunnable", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.lang.Thread",
                        cand("new Thread(new Runnable() { public void run() { } }).start(); return grid();")),
                new Case("thread_subclass", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.lang.Thread",
                        cand("new T().start(); return grid();", "static class T extends Thread { public void run() { } }")),
                new Case("thread_executorsWithLambda", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.util.concurrent",
                        cand("var ex = java.util.concurrent.Executors.newSingleThreadExecutor();\nex.submit(() -> { });\nreturn grid();")),
                new Case("thread_parallelStream", ErrorKind.FORBIDDEN, null, "parallel",
                        cand("long s = java.util.stream.IntStream.range(0, 10).parallel().sum(); return grid();")),
                new Case("thread_finalizer", ErrorKind.FORBIDDEN, Tier.JANINO, "finalize",
                        cand("new F(); return grid();", "static class F { protected void finalize() { } }")),
                // ---- exiting the JVM, even where it never runs
                new Case("exit_system", ErrorKind.FORBIDDEN, Tier.JANINO, "java.lang.System.exit",
                        cand("System.exit(0); return grid();")),
                new Case("exit_inDeadBranch", ErrorKind.FORBIDDEN, Tier.JANINO, "java.lang.System.exit",
                        cand("if (System.nanoTime() < 0) System.exit(1);\nreturn grid();")),
                new Case("exit_haltInDeadLambda", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.lang.Runtime",
                        cand("Runnable r = () -> Runtime.getRuntime().halt(1);\nif (System.nanoTime() < 0) r.run();\nreturn grid();")),
                new Case("exit_methodReference", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.lang.System.exit",
                        cand("java.util.function.IntConsumer c = System::exit;\nif (System.nanoTime() < 0) c.accept(1);\nreturn grid();")),
                // ---- system state
                new Case("system_getenv", ErrorKind.FORBIDDEN, Tier.JANINO, "java.lang.System.getenv",
                        cand("String s = System.getenv(\"PATH\"); return grid();")),
                new Case("system_getPropertyWithVar", ErrorKind.FORBIDDEN, Tier.JAVAC, "java.lang.System.getProperty",
                        cand("var h = System.getProperty(\"user.home\");\nRunnable r = () -> { };\nreturn grid();")),
                new Case("system_setOut", ErrorKind.FORBIDDEN, Tier.JANINO, "java.lang.System.setOut",
                        cand("System.setOut(null); return grid();")),
                new Case("system_load", ErrorKind.FORBIDDEN, Tier.JANINO, "java.lang.System.load",
                        cand("System.load(\"MARKER\"); return grid();")),
                new Case("system_integerGetInteger", ErrorKind.FORBIDDEN, Tier.JANINO, "getInteger",
                        cand("Integer i = Integer.getInteger(\"x\"); return grid();")),
                new Case("system_localeSetDefault", ErrorKind.FORBIDDEN, Tier.JANINO, "setDefault",
                        cand("Locale.setDefault(Locale.GERMANY); return grid();")),
                // ---- resources
                new Case("loop_infinite", ErrorKind.TIMEOUT, Tier.JANINO, "did not return",
                        cand("long i = 0;\nwhile (i >= 0) { i = (i + 1) % 7; }\nreturn grid();")),
                new Case("loop_inStaticInitializer", ErrorKind.TIMEOUT, Tier.JANINO, "did not return",
                        cand("return grid();", "static int spin;\nstatic { while (spin >= 0) { spin = (spin + 1) & 0xff; } }")),
                new Case("loop_infiniteStreamWithLambda", ErrorKind.TIMEOUT, Tier.JAVAC, "did not return",
                        cand("java.util.stream.IntStream.iterate(0, i -> i + 1).forEach(i -> { });\nreturn grid();")),
                new Case("memory_bomb", ErrorKind.MEMORY, Tier.JANINO, "heap",
                        cand("List l = new ArrayList();\nwhile (l.size() >= 0) l.add(new double[1 << 23]);\nreturn grid();")),
                new Case("memory_hugeArray", ErrorKind.MEMORY, Tier.JANINO, "heap",
                        cand("long[] a = new long[400000000];\na[1] = 2;\nreturn grid();")),
                new Case("memory_arrayBeyondVmLimit", ErrorKind.MEMORY, Tier.JANINO, "heap",
                        cand("double[] a = new double[Integer.MAX_VALUE];\nreturn grid();")),
                new Case("recursion_deep", ErrorKind.RUNTIME, Tier.JANINO, "StackOverflowError",
                        cand("int d = depth(0); return grid();", "static int depth(int n) { return depth(n + 1) + 1; }")),
                new Case("runtime_exception", ErrorKind.RUNTIME, Tier.JANINO, "boom",
                        cand("if (grid() != null) throw new IllegalStateException(\"boom\");\nreturn grid();")),
                new Case("runtime_staticInitializerThrows", ErrorKind.RUNTIME, Tier.JANINO, "static initializer",
                        cand("return grid();", "static int[] t = new int[-1];")),
                // ---- outputs
                new Case("output_flood", ErrorKind.INVALID_OUTPUT, Tier.JANINO, "the cap is",
                        cand("return new double[2000000][1];")),
                new Case("output_nan", ErrorKind.INVALID_OUTPUT, Tier.JANINO, "non-finite",
                        cand("double[][] c = grid(); c[3][0] = Double.NaN; return c;")),
                new Case("output_infinity", ErrorKind.INVALID_OUTPUT, Tier.JANINO, "non-finite",
                        cand("double[][] c = grid(); c[5][2] = Double.POSITIVE_INFINITY; return c;")),
                new Case("output_wrongRowWidth", ErrorKind.INVALID_OUTPUT, Tier.JANINO, "3 numbers",
                        cand("return new double[26][2];")),
                new Case("output_wrongRowCount", ErrorKind.INVALID_OUTPUT, Tier.JANINO, "expected 26",
                        cand("return new double[3][3];")),
                new Case("output_null", ErrorKind.INVALID_OUTPUT, Tier.JANINO, "null",
                        cand("return null;")),
                new Case("output_nullRow", ErrorKind.INVALID_OUTPUT, Tier.JANINO, "row 0 is null",
                        cand("return new double[26][];")),
                new Case("output_wrongReturnType", ErrorKind.INVALID_OUTPUT, Tier.JANINO, "int[]",
                        "public class Cand {\n    public static int[] solve() { return new int[] {1, 2}; }\n}\n"),
                new Case("output_objectNotArray", ErrorKind.INVALID_OUTPUT, Tier.JANINO, "java.util.ArrayList",
                        "public class Cand {\n    public static Object solve() { return new java.util.ArrayList(); }\n}\n"),
                // ---- contract
                new Case("contract_missingSolve", ErrorKind.COMPILE, Tier.JANINO, "solve()",
                        "public class Cand {\n    public static double[][] compute() { return null; }\n}\n"),
                new Case("contract_solveNotStatic", ErrorKind.COMPILE, Tier.JANINO, "public static double[][] solve()",
                        "public class Cand {\n    public double[][] solve() { return null; }\n}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_hostileCandidate_isContainedAndPoolRecovers(Case c) {
        Path marker = dir.resolve("marker-" + c.name());
        String source = c.source().replace("MARKER", marker.toString()).replace("PORT", Integer.toString(server.getLocalPort()));
        int before = connections.get();

        Verdict v = pool.evaluate(source, problem, 0);

        assertThat(v.errorKind()).as(c.name() + ": " + v.error()).isEqualTo(c.kind());
        assertThat(v.error().message()).as(c.name()).contains(c.fragment());
        if (c.tier() != null) assertThat(v.tier()).as(c.name() + " tier").isEqualTo(c.tier());
        assertThat(v.valid()).isFalse();
        assertThat(Files.exists(marker)).as(c.name() + " created its marker file").isFalse();
        assertThat(connections.get()).as(c.name() + " reached the loopback server").isEqualTo(before);

        Verdict next = pool.evaluate(problem.seedSource(), problem, 0);
        assertThat(next.valid()).as("seed after " + c.name() + ": " + next.error()).isTrue();
    }
}
