package dev.thetaevolve.remote;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import dev.thetaevolve.evaluate.ErrorKind;
import dev.thetaevolve.evaluate.EvalRequest;
import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evaluate.EvaluatorUnavailableException;
import dev.thetaevolve.evaluate.RawResult;
import dev.thetaevolve.evaluate.Verdict;
import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.problem.Problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Evaluation on evaluator processes elsewhere, behind the same {@link Evaluator} seam as the local worker
 * pool: each candidate becomes a job on the broker's durable jobs queue; its verdict comes back on this
 * evaluator's own reply queue, matched by correlation id.
 *
 * <ul>
 *   <li><b>Trust.</b> An evaluator sends only how compiling and running went and the raw output; the verdict,
 *   score included, is recomputed here by the problem's trusted verifier ({@link RawResult#verify}).</li>
 *   <li><b>At least once.</b> A job can be evaluated twice (its evaluator died after publishing, before
 *   acknowledging): the first verdict for an id wins, later ones are counted and dropped.</li>
 *   <li><b>Deadlines.</b> An evaluator says when it takes a job; from then the job has the compile limit, the
 *   problem's time limit and a margin to answer, else it becomes a TIMEOUT verdict and a late answer is
 *   dropped. A redelivered job (its evaluator died) restarts that clock when another evaluator takes it.</li>
 *   <li><b>Outages.</b> A lost connection is recovered by the client library; jobs the broker had not
 *   confirmed are published again once it is back (duplicates are harmless, see above). When the broker
 *   stays away longer than the outage limit, or no evaluator takes a job within the wait limit, the pending
 *   futures fail with {@link EvaluatorUnavailableException}: the step fails with that message and
 *   {@code resume} redoes it.</li>
 * </ul>
 *
 * <p>Thread-safe; {@link #submit} never blocks.
 */
public final class RemoteEvaluator implements Evaluator {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RemoteEvaluator.class.getName());

    /** Builds a remote evaluator; the broker URI's {@code margin}, {@code outage} and {@code wait} parameters set the defaults. */
    public static final class Builder {
        private BrokerAddress address;
        private Map<String, String> env = System.getenv();
        private long compileTimeoutMillis = 20_000;
        private Long marginMillis;
        private Long outageMillis;
        private Long waitMillis;
        private int verifierThreads = Math.max(1, Runtime.getRuntime().availableProcessors());

        private Builder() {
        }

        public Builder broker(BrokerAddress a) { address = a; return this; }
        public Builder environment(Map<String, String> e) { env = Map.copyOf(e); return this; }
        /** The evaluators' compile limit (the worker pool's default is 20 s); part of a job's deadline. */
        public Builder compileTimeoutMillis(long ms) { compileTimeoutMillis = ms; return this; }
        /** Slack on top of compile limit + time limit before a taken job becomes TIMEOUT (default 10 s). */
        public Builder marginMillis(long ms) { marginMillis = ms; return this; }
        /** How long the broker may stay unreachable before pending jobs fail the step (default 60 s). */
        public Builder outageMillis(long ms) { outageMillis = ms; return this; }
        /** How long a job may wait for an evaluator to take it before the step fails (default 30 min). */
        public Builder waitMillis(long ms) { waitMillis = ms; return this; }
        public Builder verifierThreads(int n) { verifierThreads = n; return this; }

        /**
         * Connects, declares the queues and starts listening for verdicts.
         *
         * @throws EvaluatorUnavailableException when the broker cannot be reached
         */
        public RemoteEvaluator build() {
            Objects.requireNonNull(address, "broker");
            long margin = marginMillis != null ? marginMillis : address.millis("margin", 10_000);
            long outage = outageMillis != null ? outageMillis : address.millis("outage", 60_000);
            long wait = waitMillis != null ? waitMillis : address.millis("wait", 30 * 60_000L);
            if (compileTimeoutMillis < 1 || margin < 1 || outage < 1 || wait < 1) throw new IllegalArgumentException("timeouts must be >= 1 ms");
            if (verifierThreads < 1) throw new IllegalArgumentException("verifierThreads must be >= 1, got '" + verifierThreads + "'");
            return new RemoteEvaluator(this, margin, outage, wait);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private final class Pending {
        final String id;
        final byte[] body;
        final AMQP.BasicProperties props;
        final EvalRequest request;
        final CompletableFuture<Verdict> future = new CompletableFuture<>();
        volatile boolean confirmed;
        volatile ScheduledFuture<?> timer;

        Pending(String id, byte[] body, AMQP.BasicProperties props, EvalRequest request) {
            this.id = id;
            this.body = body;
            this.props = props;
            this.request = request;
        }

        void arm(long millis, Runnable onExpiry) {
            ScheduledFuture<?> old = timer;
            if (old != null) old.cancel(false);
            timer = timers.schedule(onExpiry, millis, TimeUnit.MILLISECONDS);
        }
    }

    private final BrokerAddress address;
    private final long compileTimeoutMillis;
    private final long marginMillis;
    private final long outageMillis;
    private final long waitMillis;
    private final String replyQueue;
    private final Connection connection;
    private final Channel channel;
    private final Object lock = new Object();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Publish sequence number → job id, for jobs the broker has not confirmed yet. */
    private final NavigableMap<Long, String> unconfirmed = new ConcurrentSkipListMap<>();
    private final ScheduledExecutorService timers;
    private final ExecutorService verifiers;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong republished = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private volatile long disconnectedSince = -1;
    private volatile String disconnectCause;
    private volatile String unavailable;
    private volatile boolean closed;

    private RemoteEvaluator(Builder b, long margin, long outage, long wait) {
        this.address = b.address;
        this.compileTimeoutMillis = b.compileTimeoutMillis;
        this.marginMillis = margin;
        this.outageMillis = outage;
        this.waitMillis = wait;
        this.replyQueue = address.queue() + ".reply." + UUID.randomUUID();
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("remote-eval-timer"));
        this.verifiers = Executors.newFixedThreadPool(b.verifierThreads, daemon("remote-eval-verify"));
        Connection c = null;
        try {
            c = address.connectionFactory(b.env).newConnection("thetaevolve-driver");
            Channel ch = c.createChannel();
            Topology.declareJobs(ch, address.queue());
            Topology.declareReplies(ch, replyQueue);
            ch.confirmSelect();
            ch.addConfirmListener(new Confirms());
            ch.basicConsume(replyQueue, true, new Replies(ch));
            c.addShutdownListener(cause -> {
                if (cause.isInitiatedByApplication() || closed) return;
                disconnectCause = cause.getMessage();
                if (disconnectedSince < 0) {
                    disconnectedSince = System.nanoTime();
                    LOG.warning("lost the evaluators' broker at " + address + " (" + cause.getMessage() + "); reconnecting, "
                            + pending.size() + " jobs waiting; the step fails if it stays away " + outageMillis / 1000.0 + " s");
                }
            });
            if (c instanceof Recoverable r) r.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable recoverable) {
                    long since = disconnectedSince;
                    disconnectedSince = -1;
                    int again = republishUnconfirmed();
                    LOG.info("reconnected to the evaluators' broker at " + address + (since < 0 ? "" : " after "
                            + (System.nanoTime() - since) / 1_000_000 + " ms") + "; published " + again + " unconfirmed jobs again");
                }

                @Override
                public void handleRecoveryStarted(Recoverable recoverable) {
                }
            });
            this.connection = c;
            this.channel = ch;
        } catch (IOException | TimeoutException | RuntimeException e) {
            if (c != null) c.abort();
            timers.shutdownNow();
            verifiers.shutdownNow();
            throw new EvaluatorUnavailableException("cannot reach the evaluators' broker at " + address + ": " + EvaluatorServer.rootMessage(e), e);
        }
        timers.scheduleWithFixedDelay(this::watchOutage, 250, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Verdict> submit(String source, Problem problem, double tolerance) {
        Objects.requireNonNull(problem, "problem");
        return submit(EvalRequest.construct(source, problem, tolerance));
    }

    /** Construct or search mode: the job carries the request's fields (see {@link Job}). */
    @Override
    public CompletableFuture<Verdict> submit(EvalRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.mode() == Mode.SEARCH && request.problem().verifierSource() == null) {
            return CompletableFuture.completedFuture(Verdict.failed(ErrorKind.INTERNAL, "problem " + request.problem().id()
                    + " has no verifier source, which search mode needs in the worker", null, 0, 0));
        }
        if (closed) return CompletableFuture.completedFuture(Verdict.failed(ErrorKind.INTERNAL, "the evaluator is closed", null, 0, 0));
        if (unavailable != null) return CompletableFuture.failedFuture(new EvaluatorUnavailableException(unavailable));
        String id = UUID.randomUUID().toString();
        Job job = Job.of(request);
        long expires = System.currentTimeMillis() + waitMillis + deadlineMillis(request);
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().correlationId(id).replyTo(replyQueue)
                .contentType(Topology.JOB_CONTENT_TYPE).deliveryMode(2).headers(Map.of(Topology.EXPIRES_HEADER, expires)).build();
        Pending p = new Pending(id, job.encode(), props, request);
        pending.put(id, p);
        p.arm(waitMillis, () -> fail(p, "no evaluator took the job within " + waitMillis / 1000 + " s: are evaluator processes consuming "
                + address + "?"));
        publish(p);
        return p.future;
    }

    /** From an evaluator taking the job: compile limit + the worker's hard limit + margin. */
    private long deadlineMillis(EvalRequest r) {
        return compileTimeoutMillis + r.hardLimitMillis() + marginMillis;
    }

    private void publish(Pending p) {
        synchronized (lock) {
            if (!channel.isOpen()) return; // published again on recovery
            long seq = channel.getNextPublishSeqNo();
            unconfirmed.put(seq, p.id);
            try {
                channel.basicPublish("", address.queue(), false, p.props, p.body);
            } catch (IOException | RuntimeException e) {
                unconfirmed.remove(seq); // published again on recovery
            }
        }
    }

    /** After a reconnect: every pending job the broker never confirmed goes out again. */
    private int republishUnconfirmed() {
        List<Pending> again = new ArrayList<>();
        synchronized (lock) {
            unconfirmed.clear(); // sequence numbers restart on the recovered channel
            for (Pending p : pending.values()) if (!p.confirmed) again.add(p);
        }
        for (Pending p : again) {
            republished.incrementAndGet();
            publish(p);
        }
        return again.size();
    }

    private final class Confirms implements ConfirmListener {
        @Override
        public void handleAck(long seq, boolean multiple) {
            for (String id : take(seq, multiple)) {
                Pending p = pending.get(id);
                if (p != null) p.confirmed = true;
            }
        }

        @Override
        public void handleNack(long seq, boolean multiple) {
            for (String id : take(seq, multiple)) {
                Pending p = pending.get(id);
                if (p != null) publish(p);
            }
        }

        private List<String> take(long seq, boolean multiple) {
            List<String> ids = new ArrayList<>();
            if (multiple) {
                NavigableMap<Long, String> head = unconfirmed.headMap(seq, true);
                ids.addAll(head.values());
                head.clear();
            } else {
                String id = unconfirmed.remove(seq);
                if (id != null) ids.add(id);
            }
            return ids;
        }
    }

    private final class Replies extends DefaultConsumer {
        Replies(Channel ch) {
            super(ch);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
            String id = props.getCorrelationId();
            Pending p = id == null ? null : pending.get(id);
            if (Topology.STARTED.equals(props.getType())) {
                if (p == null) return;
                long deadline = deadlineMillis(p.request);
                p.arm(deadline, () -> timeout(p, deadline));
                return;
            }
            if (p == null || !pending.remove(id, p)) {
                // a second answer for a job (at-least-once delivery), or one that came after its deadline
                if (id != null && answered(id)) duplicates.incrementAndGet();
                else late.incrementAndGet();
                return;
            }
            ScheduledFuture<?> t = p.timer;
            if (t != null) t.cancel(false);
            remember(id);
            verifiers.execute(() -> {
                Verdict v;
                try {
                    v = RawResult.decode(body).verify(p.request.problem(), p.request.tolerance());
                } catch (IOException e) {
                    v = Verdict.failed(ErrorKind.INTERNAL, "an evaluator sent an unreadable result: " + e.getMessage(), null, 0, 0);
                } catch (RuntimeException e) {
                    v = Verdict.failed(ErrorKind.INTERNAL, "verifying an evaluator's result failed: " + e, null, 0, 0);
                }
                p.future.complete(v);
            });
        }
    }

    /** Ids answered lately, so that a second answer counts as a duplicate rather than as late. */
    private final Map<String, Boolean> answeredIds = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 100_000;
        }
    });

    private void remember(String id) {
        answeredIds.put(id, Boolean.TRUE);
    }

    private boolean answered(String id) {
        return answeredIds.containsKey(id);
    }

    private void timeout(Pending p, long deadline) {
        if (!pending.remove(p.id, p)) return;
        timeouts.incrementAndGet();
        p.future.complete(Verdict.failed(ErrorKind.TIMEOUT, "no verdict within " + deadline + " ms of an evaluator taking the job "
                + "(compile limit + time limit + margin); a late answer is dropped", null, 0, p.request.hardLimitMillis()));
    }

    private void fail(Pending p, String why) {
        if (!pending.remove(p.id, p)) return;
        p.future.completeExceptionally(new EvaluatorUnavailableException(why));
    }

    private void watchOutage() {
        long since = disconnectedSince;
        if (since < 0 || closed || unavailable != null) return;
        if (System.nanoTime() - since < outageMillis * 1_000_000) return;
        String why = "lost the evaluators' broker at " + address + " for more than " + outageMillis / 1000.0 + " s"
                + (disconnectCause == null ? "" : " (" + disconnectCause + ")") + "; resume the run once it is back";
        unavailable = why;
        for (Pending p : List.copyOf(pending.values())) fail(p, why);
    }

    /** Answers received for jobs already answered (at-least-once delivery). */
    public long duplicates() {
        return duplicates.get();
    }

    /** Answers received after their job had become TIMEOUT, dropped. */
    public long lateAnswers() {
        return late.get();
    }

    /** Jobs that became TIMEOUT here. */
    public long timeouts() {
        return timeouts.get();
    }

    /** Jobs published again after a reconnect. */
    public long republished() {
        return republished.get();
    }

    /** Jobs waiting for a verdict. */
    public int pendingJobs() {
        return pending.size();
    }

    public String replyQueue() {
        return replyQueue;
    }

    public BrokerAddress address() {
        return address;
    }

    /** Pending evaluations complete with INTERNAL; the reply queue is deleted. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (Pending p : List.copyOf(pending.values())) {
            if (pending.remove(p.id, p)) p.future.complete(Verdict.failed(ErrorKind.INTERNAL, "the evaluator is closed", null, 0, 0));
        }
        timers.shutdownNow();
        synchronized (lock) {
            try {
                if (channel.isOpen()) channel.queueDelete(replyQueue);
            } catch (IOException | RuntimeException e) {
                // the broker deletes it after REPLY_IDLE_MILLIS without a consumer
            }
            try {
                connection.close(2_000);
            } catch (IOException | RuntimeException e) {
                connection.abort();
            }
        }
        verifiers.shutdown();
        try {
            verifiers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
