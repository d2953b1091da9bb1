package dev.thetaevolve.remote;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Restarts this machine's real RabbitMQ (127.0.0.1:5672) for tests, with {@code rabbitmqctl}: the broker other
 * tests share, so every use keeps the outage short and ends with {@link #ensureUp} in a finally block.
 */
public final class BrokerControl {

    private static final int PORT = 5672;

    private BrokerControl() {
    }

    /** Skips the calling test (JUnit assumption, with the reason) where rabbitmqctl cannot stop and start the broker. */
    public static void assumeUsable() throws InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "restarting the broker needs rabbitmqctl as root; running as " + System.getProperty("user.name"));
        Result status;
        try {
            status = ctl(30, "await_startup", "--timeout", "20");
        } catch (IOException e) {
            Assumptions.abort("rabbitmqctl is not usable here: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(status.exit == 0, "rabbitmqctl cannot reach this machine's broker: " + status.output);
        Assumptions.assumeTrue(answers(), "no broker answers on 127.0.0.1:" + PORT);
    }

    /**
     * Stops the broker application (connections dropped, port closed, durable queues kept on disk), then starts
     * it again and waits until it serves.
     *
     * @return how long the broker was away, in milliseconds
     */
    public static long restart() throws IOException, InterruptedException {
        long start = System.nanoTime();
        check(ctl(60, "stop_app"), "stop_app");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answers() && System.nanoTime() < deadline) Thread.sleep(50);
        if (answers()) throw new IllegalStateException("the broker still answers on port " + PORT + " after stop_app");
        check(ctl(60, "start_app"), "start_app");
        awaitUp();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Brings the broker back whatever state it is in: the application started, else the node started
     * ({@code rabbitmq-server -detached}); then waits until port 5672 answers.
     */
    public static void ensureUp() throws IOException, InterruptedException {
        if (answers()) return;
        Result started = ctl(60, "start_app");
        if (started.exit != 0) {
            new ProcessBuilder("rabbitmq-server", "-detached").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(60, TimeUnit.SECONDS);
        }
        awaitUp();
    }

    private static void awaitUp() throws IOException, InterruptedException {
        check(ctl(120, "await_startup", "--timeout", "90"), "await_startup");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!answers()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the broker does not answer on port " + PORT + " after start");
            Thread.sleep(100);
        }
    }

    private static boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private record Result(int exit, String output) {
    }

    private static void check(Result r, String what) {
        if (r.exit != 0) throw new IllegalStateException("rabbitmqctl " + what + " failed (exit " + r.exit + "): " + r.output);
    }

    private static Result ctl(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("rabbitmqctl"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("rabbitmqctl", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(124, "timed out after " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
