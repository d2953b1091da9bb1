package dev.thetaevolve.evaluate;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.remote.BrokerAddress;
import dev.thetaevolve.remote.EvaluatorServer;
import dev.thetaevolve.remote.RemoteEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile corpus ({@link HostileCandidateTest#cases()}) through remote evaluation: a driver, the real
 * RabbitMQ at 127.0.0.1:5672 and an evaluator loop over real worker JVMs. Every case gets the verdict the
 * local pool gives it (kind, message, tier), with no side effect, and the evaluator still serves afterwards.
 */
class RemoteHostileCorpusTest {

    @TempDir
    Path dir;

    @Test
    void hostileCorpus_throughTheBroker_getsTheLocalVerdicts_andTheEvaluatorSurvives() throws Exception {
        String queue = "te-test-hostile-" + UUID.randomUUID();
        BrokerAddress address = BrokerAddress.parse("amqp://127.0.0.1:5672/?queue=" + queue);
        Problem problem = TestProblems.circlePacking(3_000);
        AtomicInteger connections = new AtomicInteger();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             WorkerPoolEvaluator pool = WorkerPoolEvaluator.builder().workers(2).spares(1).heapMb(256).build();
             EvaluatorServer evaluator = new EvaluatorServer(address, Map.of(), pool, 2, log::add)) {
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
            }, "remote-hostile-accept");
            accept.setDaemon(true);
            accept.start();
            assertThat(evaluator.start()).isTrue();
            try (RemoteEvaluator remote = RemoteEvaluator.builder().broker(address).build()) {
                List<HostileCandidateTest.Case> cases = HostileCandidateTest.cases();
                List<CompletableFuture<Verdict>> verdicts = new ArrayList<>();
                for (HostileCandidateTest.Case c : cases) {
                    String source = c.source().replace("MARKER", dir.resolve("marker-" + c.name()).toString())
                            .replace("PORT", Integer.toString(server.getLocalPort()));
                    verdicts.add(remote.submit(source, problem, 0));
                }
                for (int i = 0; i < cases.size(); i++) {
                    HostileCandidateTest.Case c = cases.get(i);
                    Verdict v = verdicts.get(i).get(5, TimeUnit.MINUTES);
                    assertThat(v.errorKind()).as(c.name() + ": " + v.error()).isEqualTo(c.kind());
                    assertThat(v.error().message()).as(c.name()).contains(c.fragment());
                    if (c.tier() != null) assertThat(v.tier()).as(c.name() + " tier").isEqualTo(c.tier());
                    assertThat(Files.exists(dir.resolve("marker-" + c.name()))).as(c.name() + " created its marker file").isFalse();
                }
                assertThat(connections.get()).as("connections to the loopback server").isZero();
                // a job counts as served when the broker confirms its verdict, which may come after the verdict itself
                org.awaitility.Awaitility.await("every job confirmed").atMost(java.time.Duration.ofSeconds(30))
                        .until(() -> evaluator.served() >= cases.size());
                assertThat(evaluator.served()).isEqualTo(cases.size());
                assertThat(evaluator.deadLettered()).isZero();
                Verdict seed = remote.evaluate(problem.seedSource(), problem, 0);
                assertThat(seed.valid()).as("the seed after the corpus: " + seed.error()).isTrue();
                assertThat(remote.timeouts()).isZero();
            }
        } finally {
            ConnectionFactory f = new ConnectionFactory();
            try (Connection c = f.newConnection(); Channel ch = c.createChannel()) {
                ch.queueDelete(queue);
                ch.queueDelete(queue + ".dead");
            }
        }
    }
}
