package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.thetaevolve.remote.BrokerControl;
import dev.thetaevolve.remote.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs whose evaluation fans out over the machine's real RabbitMQ (127.0.0.1:5672) to evaluator processes of
 * the packaged jar, each test on a queue of its own: the same seed gives the same run as all-local
 * evaluation; an evaluator killed with SIGKILL mid-step loses no child and duplicates none; a broker that
 * goes away mid-step fails the step clearly and {@code resume} completes the run.
 *
 * <p>The outage past the driver's limit is made with a loopback TCP proxy between the driver and the broker
 * ({@link TcpProxy}): connections dropped, then refused, then back, while the shared broker keeps running. A real
 * restart of this machine's broker ({@link BrokerControl}, rabbitmqctl, root only, about 7 s away) checks that the
 * driver and the evaluators reconnect and that the durable queues keep jobs and verdicts.
 */
class RemoteRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Connection admin;

    private String queue;
    private final List<Process> evaluators = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        admin = new ConnectionFactory().newConnection("thetaevolve-it-admin");
    }

    @AfterAll
    static void disconnect() throws Exception {
        admin.close();
    }

    @BeforeEach
    void name() {
        queue = "te-it-" + UUID.randomUUID();
    }

    @AfterEach
    void stopEvaluators() throws Exception {
        for (Process p : evaluators) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        try (Channel ch = admin.createChannel()) {
            ch.queueDelete(queue);
            ch.queueDelete(queue + ".dead");
        }
    }

    private String broker(int port) {
        return "amqp://127.0.0.1:" + port + "/?queue=" + queue;
    }

    /** Starts n evaluator processes of one worker each and waits until all consume. */
    private void startEvaluators(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            Path log = Files.createTempFile("evaluator", ".log");
            logs.add(log);
            evaluators.add(Cli.builder(List.of("evaluator", "--broker", broker(5672), "--workers", "1", "--spares", "0", "--heap-mb", "256", "--grace", "2"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        for (Path log : logs) {
            await("evaluator consuming (" + log + ")").atMost(120, TimeUnit.SECONDS).until(() -> Files.readString(log).contains("evaluator: consuming"));
        }
    }

    private static JsonNode json(String line) throws Exception {
        return JSON.readTree(line);
    }

    /** (seq, parent, normalized hash, status, score) of every program of a run, in order. */
    private static List<String> programs(String db, String run) throws Exception {
        String url = LaunchOptions.toJdbcUrl(db);
        boolean pg = url.startsWith("jdbc:postgresql");
        List<String> rows = new ArrayList<>();
        try (java.sql.Connection c = DriverManager.getConnection(url, pg ? "postgres" : "sa", "");
             PreparedStatement s = c.prepareStatement("select p.seq, p.parentSeq, p.normalizedHash, p.status, p.score from programs p "
                     + "join runs r on r.id = p.runId where r.name = ? order by p.seq")) {
            s.setString(1, run);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getObject(5));
                }
            }
        }
        return rows;
    }

    @Test
    void threeEvaluatorProcesses_giveTheSameRunAsLocalEvaluation_andAPoisonedJobIsDeadLettered() throws Exception {
        startEvaluators(3);
        try (Channel ch = admin.createChannel()) {
            ch.basicPublish("", queue, new AMQP.BasicProperties.Builder().correlationId("poison").replyTo("nowhere").build(),
                    "poison".getBytes(StandardCharsets.UTF_8));
        }
        String db = Cli.freshDb("remote-same");
        // construct mode: its runs are a function of the seed (a search child's result depends on machine speed)
        String[] common = {"run", "--problem", "circle_packing_26", "--mode", "construct", "--steps", "2", "--parents", "4", "--samples", "3",
                "--seed", "42", "--db", db, "--json"};
        String localName = "local-" + System.nanoTime();
        String remoteName = "remote-" + System.nanoTime();
        Cli.Result local = Cli.run(concat(common, "--run", localName, "--workers", "2"));
        Cli.Result remote = Cli.run(concat(common, "--run", remoteName, "--evaluators", broker(5672)));
        assertThat(local.exit()).as(local.err()).isZero();
        assertThat(remote.exit()).as(remote.err()).isZero();
        assertThat(remote.err() + remote.out()).contains("evaluators amqp://127.0.0.1:5672/?queue=" + queue);
        JsonNode l = json(local.lastLine());
        JsonNode r = json(remote.lastLine());
        assertThat(r.get("best")).isEqualTo(l.get("best"));
        assertThat(r.get("programs")).isEqualTo(l.get("programs"));
        assertThat(r.get("seedScore")).isEqualTo(l.get("seedScore"));
        List<String> localPrograms = programs(db, localName);
        assertThat(localPrograms).hasSize(1 + 2 * 12);
        assertThat(programs(db, remoteName)).isEqualTo(localPrograms);

        try (Channel ch = admin.createChannel()) {
            assertThat(ch.messageCount(queue + ".dead")).isEqualTo(1);
        }
        assertThat(logs.stream().map(RemoteRunIT::read).filter(s -> s.contains("dead-lettering job poison")).count()).isEqualTo(1);
        for (Process p : evaluators) assertThat(p.isAlive()).isTrue();
    }

    @Test
    void evaluatorKilledMidStep_theRunFinishes_withNoChildLostOrDuplicated() throws Exception {
        Path home = slowProblemHome();
        startEvaluators(2);
        String db = Cli.freshDb("remote-kill");
        String name = "kill-" + System.nanoTime();
        ProcessBuilder pb = Cli.builder(List.of("run", "--problem", "slow_packing", "--steps", "3", "--parents", "4", "--samples", "3",
                "--seed", "5", "--db", db, "--run", name, "--evaluators", broker(5672), "--json")).redirectErrorStream(true);
        pb.environment().put("THETAEVOLVE_HOME", home.toString());
        Process run = pb.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        String line;
        boolean killed = false;
        while ((line = lines.readLine()) != null) {
            out.add(line);
            if (!killed && line.startsWith("step 1")) {
                Thread.sleep(300); // step 2 is under way: both evaluators hold a job
                Process victim = evaluators.get(0);
                List<ProcessHandle> workers = victim.descendants().toList();
                victim.destroyForcibly(); // SIGKILL: its unacknowledged job goes back to the queue
                workers.forEach(ProcessHandle::destroyForcibly);
                killed = true;
            }
        }
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(killed).as("killed an evaluator after step 1: " + out).isTrue();
        assertThat(run.exitValue()).as(String.join("\n", out)).isZero();
        JsonNode counts = json(Cli.run("programs", "--run", name, "--db", db, "--json").lastLine());
        assertThat(counts.get("committedSteps").asInt()).isEqualTo(3);
        assertThat(counts.get("programs").asLong()).isEqualTo(1 + 3 * 12);
        assertThat(counts.get("distinctIds").asLong()).isEqualTo(counts.get("programs").asLong());
        assertThat(counts.get("errors").get("TIMEOUT").asInt()).as("no child lost to a deadline: " + counts).isZero();
        assertThat(counts.get("errors").get("INTERNAL").asInt()).as(counts.toString()).isZero();
    }

    @Test
    void brokerGoneMidStep_failsTheStepClearly_andResumeCompletesTheRun() throws Exception {
        Path home = slowProblemHome();
        startEvaluators(2);
        String db = Cli.freshDb("remote-outage");
        String name = "outage-" + System.nanoTime();
        try (TcpProxy proxy = new TcpProxy(5672)) {
            String through = broker(proxy.port()) + "&outage=2";
            ProcessBuilder pb = Cli.builder(List.of("run", "--problem", "slow_packing", "--steps", "4", "--parents", "4", "--samples", "3",
                    "--seed", "9", "--db", db, "--run", name, "--evaluators", through)).redirectErrorStream(true);
            pb.environment().put("THETAEVOLVE_HOME", home.toString());
            Process run = pb.start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                out.add(line);
                if (line.startsWith("step 1")) {
                    proxy.cut();
                    break;
                }
            }
            while ((line = lines.readLine()) != null) out.add(line);
            assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(run.exitValue()).as(String.join("\n", out)).isEqualTo(1);
            assertThat(out).anyMatch(l -> l.startsWith("error: lost the evaluators' broker at amqp://127.0.0.1:" + proxy.port())
                    && l.contains("resume the run once it is back"));

            JsonNode before = json(Cli.run("programs", "--run", name, "--db", db, "--json").lastLine());
            int committed = before.get("committedSteps").asInt();
            assertThat(committed).isBetween(1, 3);
            assertThat(before.get("programs").asLong()).isEqualTo(1 + committed * 12L);

            proxy.restore();
            resumeToCompletion(home, name, db); // a plain resume completes the run's 4 steps
        }
    }

    /**
     * The real broker of this machine restarted mid-step ({@code rabbitmqctl stop_app}, then {@code start_app}):
     * the driver and both evaluators lose their connections, the durable queues keep the jobs and verdicts,
     * and everyone reconnects. The outage is shorter than the driver's outage limit, so the run goes on by
     * itself; a plain {@code resume} afterwards finds nothing left to do. Skipped where {@code rabbitmqctl}
     * cannot stop this machine's broker (not root, no rabbitmqctl); always brings the broker back.
     */
    @Test
    void realBrokerRestartMidStep_theRunReconnects_andNothingIsLostOrDuplicated() throws Exception {
        BrokerControl.assumeUsable();
        Path home = slowProblemHome();
        startEvaluators(2);
        String db = Cli.freshDb("remote-restart");
        String name = "restart-" + System.nanoTime();
        ProcessBuilder pb = Cli.builder(List.of("run", "--problem", "slow_packing", "--steps", "4", "--parents", "4", "--samples", "3",
                "--seed", "11", "--db", db, "--run", name, "--evaluators", broker(5672) + "&outage=45")).redirectErrorStream(true);
        pb.environment().put("THETAEVOLVE_HOME", home.toString());
        Process run = pb.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        String line;
        long outage = -1;
        try {
            while ((line = lines.readLine()) != null) {
                out.add(line);
                if (line.startsWith("step 1")) {
                    Thread.sleep(300); // step 2 is under way: both evaluators hold a job, others wait in the queue
                    outage = BrokerControl.restart();
                    break;
                }
            }
        } finally {
            BrokerControl.ensureUp();
        }
        while ((line = lines.readLine()) != null) out.add(line);
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String log = String.join("\n", out);
        assertThat(outage).as("restarted the broker after step 1: " + log).isPositive();
        System.out.println("broker restart: away for about " + outage + " ms");
        assertThat(run.exitValue()).as("the driver reconnects after a %d ms restart: %s", outage, log).isZero();
        assertThat(out).as("the driver says it lost the broker, then that it is back").anyMatch(l -> l.contains("lost the evaluators' broker at "
                + "amqp://127.0.0.1:5672/") && l.contains("reconnecting")).anyMatch(l -> l.contains("reconnected to the evaluators' broker"));
        for (Process p : evaluators) assertThat(p.isAlive()).as("evaluators survive the restart").isTrue();
        assertThat(logs.stream().map(RemoteRunIT::read).filter(s -> s.contains("evaluator: reconnected to")).count())
                .as("both evaluators reconnected").isEqualTo(2);

        JsonNode after = resumeToCompletion(home, name, db); // nothing left to do: the run finished by itself
        assertThat(after.get("errors").get("TIMEOUT").asInt()).as("no child lost to a deadline: " + after).isZero();
    }

    /** A plain resume, then the run's 4 steps are all there: programs = distinct ids, no INTERNAL verdict. */
    private static JsonNode resumeToCompletion(Path home, String name, String db) throws Exception {
        Cli.Result resumed = resume(home, name, db);
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        JsonNode after = json(Cli.run("programs", "--run", name, "--db", db, "--json").lastLine());
        assertThat(after.get("committedSteps").asInt()).isEqualTo(4);
        assertThat(after.get("programs").asLong()).isEqualTo(1 + 4 * 12);
        assertThat(after.get("distinctIds").asLong()).isEqualTo(after.get("programs").asLong());
        assertThat(after.get("errors").get("INTERNAL").asInt()).as(after.toString()).isZero();
        return after;
    }

    private static Cli.Result resume(Path home, String name, String db) throws Exception {
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        ProcessBuilder pb = Cli.builder(List.of("resume", "--run", name, "--db", db, "--json"))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("THETAEVOLVE_HOME", home.toString());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * A home with one problem, slow_packing: circle_packing_26 whose seed spends 150 ms in a busy loop, so that
     * evaluator processes hold jobs long enough to be killed or cut off in the middle of one.
     */
    private static Path slowProblemHome() throws IOException {
        Path home = Files.createTempDirectory(Path.of("target"), "slow-home");
        Path problem = Files.createDirectories(home.resolve("problems/slow_packing"));
        Path evaluators = Files.createDirectories(home.resolve("evaluators/slow_packing"));
        Path src = Path.of("problems/circle_packing_26");
        Files.writeString(problem.resolve("problem.properties"), Files.readString(src.resolve("problem.properties"))
                .replace("id=circle_packing_26", "id=slow_packing").replace("timeLimitMillis=10000", "timeLimitMillis=3000")
                .replaceAll("(?m)^(modes|searchSeed|searchBudgetMillis)=.*$", "")); // construct mode only
        Files.copy(src.resolve("task.md"), problem.resolve("task.md"));
        Files.writeString(problem.resolve("Seed.java"), Files.readString(src.resolve("Seed.java")).replace("        int n = 26;\n",
                "        long end = System.nanoTime() + 150000000L;\n        double spin = 0;\n"
                        + "        while (System.nanoTime() < end) spin += Math.sqrt(spin + 1);\n        int n = 26;\n"));
        Files.copy(Path.of("evaluators/circle_packing_26/CirclePacking26Verifier.java"), evaluators.resolve("CirclePacking26Verifier.java"));
        return home;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
