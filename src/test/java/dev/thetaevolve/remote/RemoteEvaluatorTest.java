package dev.thetaevolve.remote;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.thetaevolve.evaluate.ErrorKind;
import dev.thetaevolve.evaluate.EvaluatorUnavailableException;
import dev.thetaevolve.evaluate.RawResult;
import dev.thetaevolve.evaluate.Verdict;
import dev.thetaevolve.evaluate.WorkerPoolEvaluator;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The remote evaluator and the evaluator loop against the machine's real RabbitMQ (127.0.0.1:5672), each test
 * on queues of its own that it deletes afterwards, with real worker JVMs behind the evaluator loop.
 */
class RemoteEvaluatorTest {

    private static final int BROKER_PORT = 5672;
    private static WorkerPoolEvaluator pool;
    private static Problem problem;
    private static Connection admin;

    private String queue;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> replyQueues = new ArrayList<>();

    @BeforeAll
    static void startPool() throws Exception {
        pool = WorkerPoolEvaluator.builder().workers(2).spares(1).heapMb(256).build();
        problem = withLimit(ProblemCatalog.open(Path.of("")).problem("circle_packing_26"), 2_000);
        ConnectionFactory f = new ConnectionFactory();
        f.setPort(BROKER_PORT);
        admin = f.newConnection("thetaevolve-test-admin");
    }

    @AfterAll
    static void stopPool() throws Exception {
        pool.close();
        admin.close();
    }

    @BeforeEach
    void name() {
        queue = "te-test-" + UUID.randomUUID();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) closing.get(i).close();
        try (Channel ch = admin.createChannel()) {
            ch.queueDelete(queue);
            ch.queueDelete(queue + ".dead");
            for (String r : replyQueues) ch.queueDelete(r);
        }
    }

    static Problem withLimit(Problem p, long millis) {
        ProblemSpec s = p.spec();
        return new Problem(new ProblemSpec(s.id(), s.title(), s.direction(), s.returnType(), millis, s.defaultTolerance(), s.bestKnown(),
                s.shaping(), s.taskText(), s.seedFile()), p.verifier());
    }

    private BrokerAddress address(int port) {
        return BrokerAddress.parse("amqp://127.0.0.1:" + port + "/?queue=" + queue);
    }

    private RemoteEvaluator remote(int port, RemoteEvaluator.Builder b) {
        RemoteEvaluator r = b.broker(address(port)).build();
        closing.add(r);
        replyQueues.add(r.replyQueue());
        return r;
    }

    private EvaluatorServer serve(int port) throws InterruptedException {
        EvaluatorServer s = new EvaluatorServer(address(port), Map.of(), pool, 2, log::add);
        closing.add(s);
        assertThat(s.start()).isTrue();
        return s;
    }

    static String cand(String body) {
        return "public class Cand {\n    public static double[][] solve() {\n" + body + "\n    }\n}\n";
    }

    static final String GRID = "double[][] c = new double[26][3];\n"
            + "for (int i = 0; i < 26; i++) { c[i][0] = (i % 6 + 0.5) / 6; c[i][1] = (i / 6 + 0.5) / 5; c[i][2] = 0.037; }\n";

    static String busy(long millis) {
        return cand("long end = System.nanoTime() + " + millis + "L * 1000000L; double x = 0;\n"
                + "while (System.nanoTime() < end) x += Math.sqrt(x + 1);\n" + GRID + "return c;");
    }

    @Test
    void remoteVerdicts_equalLocalOnes_forValidInvalidAndFailingCandidates() throws Exception {
        serve(BROKER_PORT);
        RemoteEvaluator remote = remote(BROKER_PORT, RemoteEvaluator.builder());
        List<String> sources = List.of(
                problem.seedSource(),
                cand(GRID + "return c;"),
                cand("return new double[2][3];"),
                cand("return null;"),
                cand("int[] a = new int[1]; a[2] = 1; return null;"),
                cand("this does not compile"),
                cand("while (true) { } "),
                "");
        List<CompletableFuture<Verdict>> remoteVerdicts = new ArrayList<>();
        for (String s : sources) remoteVerdicts.add(remote.submit(s, problem, 0));
        for (int i = 0; i < sources.size(); i++) {
            Verdict r = remoteVerdicts.get(i).get(60, TimeUnit.SECONDS);
            Verdict l = pool.evaluate(sources.get(i), problem, 0);
            assertThat(r.valid()).as("case " + i + ": " + r.error()).isEqualTo(l.valid());
            assertThat(r.score()).as("case " + i).isEqualTo(l.score());
            assertThat(r.errorKind()).as("case " + i).isEqualTo(l.errorKind());
            assertThat(r.metrics()).as("case " + i).isEqualTo(l.metrics());
            assertThat(r.tier()).as("case " + i).isEqualTo(l.tier());
            if (l.errorKind() != ErrorKind.TIMEOUT && l.errorKind() != ErrorKind.RUNTIME) {
                assertThat(r.error()).as("case " + i).isEqualTo(l.error());
            }
        }
        assertThat(remoteVerdicts.get(0).get().valid()).isTrue();
        assertThat(remoteVerdicts.get(6).get().errorKind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(remote.pendingJobs()).isZero();
    }

    static final String SEARCH = "import java.util.SplittableRandom;\nimport dev.thetaevolve.search.Objective;\n\npublic class Cand {\n"
            + "    public static double[][] initial(SplittableRandom random) {\n" + GRID + "        return c;\n    }\n"
            + "    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {\n"
            + "        double[][] next = new double[current.length][];\n"
            + "        for (int i = 0; i < current.length; i++) next[i] = current[i].clone();\n"
            + "        for (int i = 0; i < next.length; i++) next[i][2] = next[i][2] * 1.01;\n"
            + "        return next;\n    }\n"
            + "    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {\n        return current;\n    }\n}\n";

    @Test
    void searchModeJob_carriesWarmStartAndVerifier_andIsReverifiedByTheDriver() throws Exception {
        serve(BROKER_PORT);
        RemoteEvaluator remote = remote(BROKER_PORT, RemoteEvaluator.builder());
        Problem catalogued = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
        assertThat(catalogued.verifierSource()).isNotNull();
        Object warm = pool.evaluate(problem.seedSource(), problem, 0).output();
        dev.thetaevolve.evaluate.EvalRequest request = new dev.thetaevolve.evaluate.EvalRequest(SEARCH, catalogued, 0,
                dev.thetaevolve.problem.Mode.SEARCH, warm, 0, 7, 300);
        Job job = Job.decode(Job.of(request).encode());
        assertThat(job.verifier()).isEqualTo(catalogued.verifierSource());
        assertThat((double[][]) job.warmStart()).isDeepEqualTo((double[][]) warm);
        assertThat(job.budgetMillis()).isEqualTo(300);
        assertThat(job.seed()).isEqualTo(7);

        Verdict r = remote.submit(request).get(60, TimeUnit.SECONDS);
        Verdict l = pool.submit(request).get(60, TimeUnit.SECONDS);
        // the same outcome as the local pool, whatever it is (see the report: search mode's worker path is new on main)
        assertThat(r.errorKind()).as(r.error() + " vs " + l.error()).isEqualTo(l.errorKind());
        if (l.valid()) {
            assertThat(r.score()).isEqualTo(catalogued.verify(r.output(), 0).score()).isGreaterThan(catalogued.verify(warm, 0).score());
            assertThat(r.metrics().keySet()).isEqualTo(l.metrics().keySet());
        } else {
            assertThat(r.error().message()).isEqualTo(l.error().message());
        }
    }

    @Test
    void poisonedJob_isDeadLettered_andTheEvaluatorKeepsServing() throws Exception {
        EvaluatorServer server = serve(BROKER_PORT);
        RemoteEvaluator remote = remote(BROKER_PORT, RemoteEvaluator.builder());
        try (Channel ch = admin.createChannel()) {
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().correlationId("poison-1").replyTo(remote.replyQueue()).build();
            ch.basicPublish("", queue, props, "not a job at all".getBytes(StandardCharsets.UTF_8));
            ch.basicPublish("", queue, new AMQP.BasicProperties.Builder().build(), Job.of(dev.thetaevolve.evaluate.EvalRequest.construct("s", problem, 0)).encode());
            GetResponse[] deadBox = {null};
            await("a dead letter, and both bad messages dead-lettered").atMost(5, TimeUnit.SECONDS).until(() -> {
                if (deadBox[0] == null) deadBox[0] = ch.basicGet(queue + ".dead", true);
                return deadBox[0] != null && server.deadLettered() >= 2;
            });
            GetResponse dead = deadBox[0];
            assertThat(dead).as("a dead letter").isNotNull();
            assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("not a job at all");
            assertThat(server.deadLettered()).isEqualTo(2);
            assertThat(log).anyMatch(l -> l.contains("dead-lettering job poison-1") && l.contains(queue + ".dead"));
        }
        Verdict v = remote.submit(problem.seedSource(), problem, 0).get(60, TimeUnit.SECONDS);
        assertThat(v.valid()).as(String.valueOf(v.error())).isTrue();
    }

    @Test
    void forgedOutput_isReverified_andDuplicateAnswersAreIgnored() throws Exception {
        RemoteEvaluator remote = remote(BROKER_PORT, RemoteEvaluator.builder());
        CompletableFuture<Verdict> forged = remote.submit(cand("return null;"), problem, 0);
        CompletableFuture<Verdict> twice = remote.submit(problem.seedSource(), problem, 0);
        try (Channel ch = admin.createChannel()) {
            GetResponse first = take(ch);
            Job job = Job.decode(first.getBody());
            assertThat(job.problemId()).isEqualTo("circle_packing_26");
            assertThat(job.mode()).isEqualTo(dev.thetaevolve.problem.Mode.CONSTRUCT);
            assertThat(job.verifier()).as("construct jobs carry no verifier").isNull();
            assertThat(job.timeLimitMillis()).isEqualTo(2_000);
            assertThat(job.source()).isEqualTo(cand("return null;"));
            assertThat(new String(first.getBody(), StandardCharsets.ISO_8859_1)).doesNotContain("guest");
            // a compromised evaluator claims a huge packing: 26 circles of radius 1
            double[][] big = new double[26][];
            for (int i = 0; i < 26; i++) big[i] = new double[] {0.5, 0.5, 1};
            answer(ch, first, new RawResult(null, null, null, 1, 1, big, Map.of()));

            GetResponse second = take(ch);
            Verdict honest = pool.evaluate(problem.seedSource(), problem, 0);
            answer(ch, second, RawResult.of(honest));
            answer(ch, second, RawResult.of(honest));
        }
        Verdict f = forged.get(10, TimeUnit.SECONDS);
        assertThat(f.valid()).isFalse();
        assertThat(f.errorKind()).isEqualTo(ErrorKind.INVALID_OUTPUT);
        Verdict t = twice.get(10, TimeUnit.SECONDS);
        assertThat(t.valid()).isTrue();
        assertThat(t.score()).isEqualTo(pool.evaluate(problem.seedSource(), problem, 0).score());
        await("the duplicate verdict counted").atMost(2, TimeUnit.SECONDS).until(() -> remote.duplicates() > 0);
        assertThat(remote.duplicates()).isEqualTo(1);
    }

    @Test
    void noVerdictByTheDeadline_isTimeout_andTheLateAnswerIsDropped() throws Exception {
        RemoteEvaluator remote = remote(BROKER_PORT, RemoteEvaluator.builder().compileTimeoutMillis(100).marginMillis(100));
        Problem quick = withLimit(problem, 200);
        CompletableFuture<Verdict> f = remote.submit(problem.seedSource(), quick, 0);
        try (Channel ch = admin.createChannel()) {
            GetResponse job = take(ch);
            ch.basicPublish("", job.getProps().getReplyTo(), new AMQP.BasicProperties.Builder()
                    .correlationId(job.getProps().getCorrelationId()).type("started").build(), new byte[0]);
            Verdict v = f.get(5, TimeUnit.SECONDS);
            assertThat(v.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(v.error().message()).contains("no verdict within 400 ms");
            answer(ch, job, RawResult.of(pool.evaluate(problem.seedSource(), problem, 0)));
        }
        await("the late answer counted").atMost(2, TimeUnit.SECONDS).until(() -> remote.lateAnswers() > 0);
        assertThat(remote.lateAnswers()).isEqualTo(1);
        assertThat(remote.timeouts()).isEqualTo(1);
        assertThat(f.get().errorKind()).isEqualTo(ErrorKind.TIMEOUT);
    }

    @Test
    void connectionsCut_midStep_reconnect_andEveryJobGetsOneVerdict() throws Exception {
        try (TcpProxy proxy = new TcpProxy(BROKER_PORT)) {
            EvaluatorServer server = serve(proxy.port());
            RemoteEvaluator remote = remote(proxy.port(), RemoteEvaluator.builder());
            List<CompletableFuture<Verdict>> fs = new ArrayList<>();
            for (int i = 0; i < 6; i++) fs.add(remote.submit(busy(400 + i), problem, 0));
            Thread.sleep(300);
            proxy.cut();
            Thread.sleep(1_500);
            proxy.restore();
            for (CompletableFuture<Verdict> f : fs) {
                Verdict v = f.get(60, TimeUnit.SECONDS);
                assertThat(v.valid()).as(String.valueOf(v.error())).isTrue();
            }
            assertThat(remote.pendingJobs()).isZero();
            // a verdict published just before the cut may arrive while its job is redelivered and evaluated again:
            // the driver keeps the first and counts the other as a duplicate
            // (served counts broker-confirmed verdicts: a confirm may trail the verdict it confirms)
            org.awaitility.Awaitility.await("a confirmed verdict").atMost(java.time.Duration.ofSeconds(30)).until(() -> server.served() > 0);
            assertThat(log).anyMatch(l -> l.contains("lost the broker"));
        }
    }

    @Test
    void brokerAwayPastTheOutageLimit_failsWithUnavailable() throws Exception {
        try (TcpProxy proxy = new TcpProxy(BROKER_PORT)) {
            RemoteEvaluator remote = remote(proxy.port(), RemoteEvaluator.builder().outageMillis(1_000));
            CompletableFuture<Verdict> waiting = remote.submit(problem.seedSource(), problem, 0);
            proxy.cut();
            assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(EvaluatorUnavailableException.class).hasMessageContaining("lost the evaluators' broker");
            CompletableFuture<Verdict> after = remote.submit(problem.seedSource(), problem, 0);
            assertThatThrownBy(after::join).cause().isInstanceOf(EvaluatorUnavailableException.class);
        }
    }

    @Test
    void unreachableBroker_failsTheDriverAtOnce_andTheEvaluatorRetriesWithBackoff() throws Exception {
        TcpProxy proxy = new TcpProxy(BROKER_PORT);
        proxy.cut();
        assertThatThrownBy(() -> RemoteEvaluator.builder().broker(address(proxy.port())).build())
                .isInstanceOf(EvaluatorUnavailableException.class).hasMessageContaining("cannot reach the evaluators' broker at amqp://127.0.0.1:" + proxy.port());
        EvaluatorServer server = new EvaluatorServer(address(proxy.port()), Map.of(), pool, 2, log::add);
        closing.add(server);
        CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> {
            try {
                return server.start();
            } catch (InterruptedException e) {
                return false;
            }
        });
        await("two failed connection attempts logged").atMost(5, TimeUnit.SECONDS).until(() -> log.size() >= 2);
        assertThat(log).first().asString().contains("cannot reach the broker at amqp://127.0.0.1:" + proxy.port()).contains("retrying in 500 ms");
        assertThat(log.get(1)).contains("retrying in 1000 ms");
        proxy.restore();
        assertThat(started.get(30, TimeUnit.SECONDS)).isTrue();
        proxy.close();
    }

    private GetResponse take(Channel ch) throws Exception {
        GetResponse[] r = {null};
        await("a job on " + queue).atMost(5, TimeUnit.SECONDS).pollInterval(java.time.Duration.ofMillis(25))
                .until(() -> (r[0] = ch.basicGet(queue, true)) != null);
        return r[0];
    }

    private static void answer(Channel ch, GetResponse job, RawResult r) throws Exception {
        ch.basicPublish("", job.getProps().getReplyTo(), new AMQP.BasicProperties.Builder()
                .correlationId(job.getProps().getCorrelationId()).type("verdict").build(), r.encode());
    }
}
