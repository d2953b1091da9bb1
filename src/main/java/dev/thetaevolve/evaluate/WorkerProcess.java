package dev.thetaevolve.evaluate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One worker JVM seen from the service: its process, frame streams, private temp directory and the tail
 * of its stderr. One thread talks to it at a time; {@link #kill} may come from any thread.
 */
final class WorkerProcess {

    /** Exit status of a JVM stopped by -XX:+ExitOnOutOfMemoryError. */
    static final int OUT_OF_MEMORY_EXIT = 3;
    private static final int STDERR_TAIL = 2048;

    private final Process process;
    private final Path tempDir;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private final StringBuilder stderrTail = new StringBuilder();
    private final Thread drain;
    final long startedNanos;
    volatile long readyNanos;

    private WorkerProcess(Process process, Path tempDir, long startedNanos) {
        this.process = process;
        this.tempDir = tempDir;
        this.startedNanos = startedNanos;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        this.drain = new Thread(() -> drain(process.getErrorStream()), "eval-worker-stderr-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts a worker and waits for its HELLO (the caller's watchdog bounds the wait by killing it). */
    static WorkerProcess start(WorkerPoolEvaluator.Config config, String classpath) throws IOException {
        Path dir = Files.createTempDirectory("thetaevolve-worker-");
        List<String> cmd = new ArrayList<>(List.of(
                config.javaExecutable().toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-XX:+DisableAttachMechanism", "-Xshare:auto",
                // lets WorkerState read the default TimeZone without calling it; candidates have no reflection
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                // never generate reflection accessors: on JDK 17 a generated accessor for a candidate method
                // (search mode calls them again and again) is defined under the candidate's loader, which
                // hides jdk.internal.reflect, so the 16th call failed with NoClassDefFoundError
                "-Dsun.reflect.inflationThreshold=2147483647",
                "-Xmx" + config.heapMb() + "m", "-Xss" + config.stackKb() + "k", "-XX:MaxMetaspaceSize=256m",
                "-Djava.io.tmpdir=" + dir, "-Duser.home=" + dir, "-Dfile.encoding=UTF-8",
                "-cp", classpath, WorkerMain.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.clear(); // no API keys, database credentials, JAVA_TOOL_OPTIONS or anything else of ours
        env.putAll(minimalEnvironment(dir));
        long t0 = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            deleteTree(dir);
            throw e;
        }
        return new WorkerProcess(p, dir, t0);
    }

    /** The whole environment a worker gets. */
    static Map<String, String> minimalEnvironment(Path tempDir) {
        return Map.of("TMPDIR", tempDir.toString());
    }

    /** Blocks until the worker says HELLO. */
    void awaitHello() throws IOException {
        DataInputStream f = receive(1024);
        byte type = f.readByte();
        if (type != WorkerProtocol.HELLO) throw new IOException("worker sent " + type + " instead of HELLO");
        readyNanos = System.nanoTime();
    }

    void send(byte[] payload) throws IOException {
        WorkerProtocol.writeFrame(toWorker, payload);
    }

    DataInputStream receive(long maxBytes) throws IOException {
        return WorkerProtocol.readFrame(fromWorker, maxBytes);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path tempDir() {
        return tempDir;
    }

    /** Kills the worker and every process below it, waits for it, and deletes its temp directory. Idempotent. */
    void kill() {
        ProcessHandle h = process.toHandle();
        h.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(tempDir);
    }

    /** Exit status once dead (waits up to {@code millis}); null while still running. */
    Integer exitCode(long millis) {
        try {
            if (process.waitFor(millis, TimeUnit.MILLISECONDS)) return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** The last lines the worker wrote to its real stderr (waits briefly for a dead worker's last words). */
    String stderrTail() {
        if (!process.isAlive()) {
            try {
                drain.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (stderrTail) {
            return stderrTail.toString().strip();
        }
    }

    private void drain(InputStream err) {
        byte[] buf = new byte[4096];
        try (err) {
            int n;
            while ((n = err.read(buf)) > 0) {
                synchronized (stderrTail) {
                    stderrTail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (stderrTail.length() > STDERR_TAIL) stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
                }
            }
        } catch (IOException ignored) {
            // the worker is gone; nothing more to read
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: a leftover empty temp directory is harmless
        }
    }
}
