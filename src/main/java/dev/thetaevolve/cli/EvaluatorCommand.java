package dev.thetaevolve.cli;

import dev.thetaevolve.evaluate.WorkerPoolEvaluator;
import dev.thetaevolve.remote.BrokerAddress;
import dev.thetaevolve.remote.EvaluatorServer;
import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code evaluator}: an evaluator process. Consumes evaluation jobs from the broker's durable queue, runs them
 * in its own worker JVMs and sends each raw result back to the run that asked. It opens no database and
 * verifies nothing (the driving run re-verifies every output). Stops on SIGTERM after the jobs in flight,
 * for at most --grace seconds; jobs it still holds then go back to the queue.
 */
@Command(name = "evaluator", mixinStandardHelpOptions = true,
        description = "Serve evaluation jobs from a RabbitMQ queue with local worker JVMs (runs use it with --evaluators).")
public class EvaluatorCommand implements Callable<Integer> {
    @Option(names = "--broker", required = true, description = "amqp://host[:port][/vhost][?queue=NAME] (default queue thetaevolve.jobs); "
            + "credentials from THETAEVOLVE_BROKER_USERNAME/PASSWORD.")
    String broker;
    @Option(names = "--workers", description = "Worker JVMs, and jobs held at once (default: cores).")
    Integer workers;
    @Option(names = "--heap-mb", defaultValue = "512", description = "-Xmx of each worker JVM, default ${DEFAULT-VALUE}.")
    int heapMb;
    @Option(names = "--spares", defaultValue = "1", description = "Warm worker JVMs kept ready to replace a killed one, default ${DEFAULT-VALUE}.")
    int spares;
    @Option(names = "--health-file", description = "Every 5 s, write 'ready' (consuming) or 'connecting' here: the probes of k8s/ read it.")
    java.nio.file.Path healthFile;
    @Option(names = "--grace", defaultValue = "20", description = "Seconds to finish jobs in flight on SIGTERM, default ${DEFAULT-VALUE}.")
    int graceSeconds;

    @Override
    public Integer call() throws Exception {
        BrokerAddress address = BrokerAddress.parse(broker);
        int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (w < 1) throw new UsageError("--workers must be >= 1, got " + w);
        if (graceSeconds < 0) throw new UsageError("--grace must be >= 0, got " + graceSeconds);
        try (WorkerPoolEvaluator pool = WorkerPoolEvaluator.builder().workers(w).spares(spares).heapMb(heapMb).build()) {
            EvaluatorServer server = new EvaluatorServer(address, System.getenv(), pool, w, line -> {
                System.err.println(line);
                System.err.flush();
            });
            Thread loop = new Thread(() -> {
                try {
                    if (server.start()) server.awaitClose();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "evaluator-connect");
            loop.setDaemon(true);
            loop.start();
            java.util.concurrent.ScheduledExecutorService health = null;
            if (healthFile != null) {
                health = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "evaluator-health");
                    t.setDaemon(true);
                    return t;
                });
                health.scheduleWithFixedDelay(() -> {
                    try {
                        java.nio.file.Files.writeString(healthFile, server.connected() ? "ready\n" : "connecting\n");
                    } catch (java.io.IOException e) {
                        System.err.println("evaluator: cannot write " + healthFile + ": " + e.getMessage());
                    }
                }, 0, 5, java.util.concurrent.TimeUnit.SECONDS);
            }
            Quarkus.waitForExit();
            if (health != null) health.shutdownNow();
            server.close(graceSeconds * 1000L);
            System.err.println("evaluator: stopped after " + server.served() + " jobs");
        }
        return 0;
    }
}
