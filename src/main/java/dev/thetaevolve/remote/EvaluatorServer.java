package dev.thetaevolve.remote;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import dev.thetaevolve.evaluate.ErrorKind;
import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evaluate.RawResult;
import dev.thetaevolve.evaluate.Verdict;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The evaluator process's loop: consumes jobs from the durable jobs queue, evaluates each in the local
 * worker pool, publishes the raw result to the job's reply queue with its correlation id, and acknowledges
 * the job only once the broker has confirmed that result. Its prefetch equals the pool size, so a process
 * holds no more jobs than it can run, and the jobs it holds when it dies go back to the queue for another.
 *
 * <p>It verifies nothing: the driving side re-verifies every raw output with its trusted verifier, so this
 * process needs no problem catalog and no database. It tells the driver when it takes a job (a
 * {@code started} message), which starts the driver's deadline for that job.
 *
 * <p>A job it cannot decode (or that lacks a correlation id or a reply queue) is rejected without requeue,
 * which the queue routes to its dead-letter queue; the process keeps serving. A broker it cannot reach is
 * retried with exponential backoff (0.5 s doubling to 30 s), saying so each time; a connection lost later is
 * recovered by the client library (see {@link BrokerAddress#connectionFactory}).
 */
public final class EvaluatorServer implements AutoCloseable {

    private final BrokerAddress address;
    private final ConnectionFactory factory;
    private final Evaluator local;
    private final int prefetch;
    private final Consumer<String> log;
    private final Object lock = new Object();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Connection connection;
    private volatile Channel channel;
    private volatile String consumerTag;
    private volatile boolean closed;

    /**
     * @param local    the local evaluator (a worker pool) that runs the jobs; closed by the caller
     * @param prefetch jobs held at once: the pool's size
     * @param log      where the one-line status messages go
     */
    public EvaluatorServer(BrokerAddress address, Map<String, String> env, Evaluator local, int prefetch, Consumer<String> log) {
        if (prefetch < 1) throw new IllegalArgumentException("prefetch must be >= 1, got '" + prefetch + "'");
        this.address = address;
        this.factory = address.connectionFactory(env);
        this.local = local;
        this.prefetch = prefetch;
        this.log = log;
    }

    /**
     * Connects (retrying with backoff until it succeeds or {@link #close} is called), declares the queues and
     * starts consuming. Returns once consuming, or false when closed before that.
     */
    public boolean start() throws InterruptedException {
        long delay = 500;
        while (!closed) {
            try {
                Connection c = factory.newConnection("thetaevolve-evaluator");
                Channel ch = c.createChannel();
                Topology.declareJobs(ch, address.queue());
                ch.basicQos(prefetch);
                ch.confirmSelect();
                ch.addConfirmListener(new Confirms());
                synchronized (lock) {
                    connection = c;
                    channel = ch;
                    if (closed) {
                        closeQuietly();
                        return false;
                    }
                    consumerTag = ch.basicConsume(address.queue(), false, "", new JobConsumer(ch));
                }
                c.addShutdownListener(cause -> {
                    dropUnconfirmed(); // the broker returns those jobs to the queue itself
                    if (!cause.isInitiatedByApplication()) log.accept("evaluator: lost the broker at " + address + " (" + cause.getMessage() + "); reconnecting");
                });
                if (c instanceof Recoverable r) r.addRecoveryListener(new RecoveryListener() {
                    @Override
                    public void handleRecovery(Recoverable recoverable) {
                        log.accept("evaluator: reconnected to " + address);
                    }

                    @Override
                    public void handleRecoveryStarted(Recoverable recoverable) {
                    }
                });
                log.accept("evaluator: consuming " + address + " with " + prefetch + " workers (prefetch " + prefetch + ")");
                return true;
            } catch (IOException | TimeoutException | RuntimeException e) {
                closeQuietly();
                log.accept("evaluator: cannot reach the broker at " + address + ": " + rootMessage(e) + "; retrying in " + delay + " ms");
                if (stopped.await(delay, TimeUnit.MILLISECONDS)) return false;
                delay = Math.min(delay * 2, 30_000);
            }
        }
        return false;
    }

    /** Blocks until {@link #close} has been called. */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    /** Jobs answered (verdict confirmed, job acknowledged). */
    public long served() {
        return served.get();
    }

    /** Jobs rejected to the dead-letter queue. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Jobs dropped because their driver had stopped waiting. */
    public long expired() {
        return expired.get();
    }

    /** True while connected to the broker and consuming. */
    public boolean connected() {
        Connection c = connection;
        return !closed && consumerTag != null && c != null && c.isOpen();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Stops taking jobs, lets the ones in flight finish for up to {@code graceMillis}, then disconnects. */
    public void close(long graceMillis) {
        if (closed) return;
        closed = true;
        synchronized (lock) {
            try {
                if (channel != null && consumerTag != null && channel.isOpen()) channel.basicCancel(consumerTag);
            } catch (IOException | RuntimeException e) {
                // disconnecting returns whatever it still holds to the queue anyway
            }
        }
        long end = System.nanoTime() + graceMillis * 1_000_000;
        while (inFlight.get() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (lock) {
            closeQuietly();
        }
        stopped.countDown();
    }

    @Override
    public void close() {
        close(0);
    }

    private void closeQuietly() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close(2_000);
            } catch (IOException | RuntimeException e) {
                c.abort();
            }
        }
    }

    private final class JobConsumer extends DefaultConsumer {
        JobConsumer(Channel ch) {
            super(ch);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
            long delivery = envelope.getDeliveryTag();
            String id = props.getCorrelationId();
            String reply = props.getReplyTo();
            Job job;
            try {
                if (id == null || id.isBlank()) throw new IOException("it has no correlation id");
                if (reply == null || reply.isBlank()) throw new IOException("it has no reply queue");
                job = Job.decode(body);
            } catch (IOException | RuntimeException e) {
                deadLetter(delivery, id, e.getMessage());
                return;
            }
            Object expires = props.getHeaders() == null ? null : props.getHeaders().get(Topology.EXPIRES_HEADER);
            if (expires instanceof Number n && n.longValue() < System.currentTimeMillis()) {
                expired.incrementAndGet();
                ack(delivery);
                return;
            }
            inFlight.incrementAndGet();
            publish(reply, id, Topology.STARTED, new byte[0], false);
            CompletableFuture<Verdict> f;
            try {
                f = local.submit(job.request());
            } catch (RuntimeException e) {
                f = CompletableFuture.completedFuture(Verdict.failed(ErrorKind.INTERNAL, "this evaluator cannot run the job: " + e.getMessage(), null, 0, 0));
            }
            CompletableFutureGuard.whenDone(f, v -> finish(delivery, id, reply, v));
        }
    }

    /**
     * Publishes a job's verdict; the job is acknowledged when the broker confirms the verdict ({@link Confirms}),
     * so confirms of several verdicts overlap instead of each waiting for the broker's disk.
     */
    private void finish(long delivery, String id, String reply, Verdict v) {
        byte[] body = RawResult.of(v).encode();
        synchronized (lock) {
            Channel ch = channel;
            long seq = ch.getNextPublishSeqNo();
            unconfirmed.put(seq, delivery);
            try {
                ch.basicPublish("", reply, false, props(id, Topology.VERDICT, true), body);
            } catch (IOException | RuntimeException e) {
                // the connection is gone: the broker has already returned the job to the queue for redelivery
                if (unconfirmed.remove(seq) != null) inFlight.decrementAndGet();
                log.accept("evaluator: could not deliver the verdict of job " + id + " (" + rootMessage(e) + "); the job will be redelivered");
            }
        }
    }

    /** Publish sequence number of a verdict → delivery tag of its job, until the broker confirms the verdict. */
    private final java.util.NavigableMap<Long, Long> unconfirmed = new java.util.concurrent.ConcurrentSkipListMap<>();

    private void dropUnconfirmed() {
        synchronized (lock) {
            int n = unconfirmed.size();
            unconfirmed.clear();
            inFlight.addAndGet(-n);
        }
    }

    private final class Confirms implements com.rabbitmq.client.ConfirmListener {
        @Override
        public void handleAck(long seq, boolean multiple) {
            settle(seq, multiple, true);
        }

        @Override
        public void handleNack(long seq, boolean multiple) {
            settle(seq, multiple, false);
        }

        private void settle(long seq, boolean multiple, boolean confirmed) {
            synchronized (lock) {
                java.util.Map<Long, Long> done = multiple ? unconfirmed.headMap(seq, true) : unconfirmed.containsKey(seq)
                        ? java.util.Map.of(seq, unconfirmed.get(seq)) : java.util.Map.of();
                for (long delivery : List.copyOf(done.values())) {
                    try {
                        if (confirmed) {
                            channel.basicAck(delivery, false);
                            served.incrementAndGet();
                        } else {
                            channel.basicNack(delivery, false, true); // the broker lost the verdict: evaluate again
                        }
                    } catch (IOException | RuntimeException e) {
                        // the connection is gone: the broker returns the job to the queue itself
                    }
                    inFlight.decrementAndGet();
                }
                if (multiple) unconfirmed.headMap(seq, true).clear();
                else unconfirmed.remove(seq);
            }
        }
    }

    private void publish(String queue, String id, String type, byte[] body, boolean persistent) {
        synchronized (lock) {
            try {
                channel.basicPublish("", queue, false, props(id, type, persistent), body);
            } catch (IOException | RuntimeException e) {
                // best effort: a missing "started" only means the driver's deadline starts at its wait limit
            }
        }
    }

    private void ack(long delivery) {
        synchronized (lock) {
            try {
                channel.basicAck(delivery, false);
            } catch (IOException | RuntimeException e) {
                // redelivered after the reconnect, and dropped again then
            }
        }
    }

    private void deadLetter(long delivery, String id, String why) {
        deadLettered.incrementAndGet();
        log.accept("evaluator: dead-lettering job " + (id == null ? "(no id)" : id) + " to " + Topology.deadLetters(address.queue())
                + ": " + why);
        synchronized (lock) {
            try {
                channel.basicReject(delivery, false);
            } catch (IOException | RuntimeException e) {
                // redelivered after the reconnect, and rejected again then
            }
        }
    }

    private static AMQP.BasicProperties props(String id, String type, boolean persistent) {
        return new AMQP.BasicProperties.Builder().correlationId(id).type(type).contentType(Topology.RESULT_CONTENT_TYPE)
                .deliveryMode(persistent ? 2 : 1).build();
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }

    /** Runs a callback when a future completes, whatever happens to it. */
    private static final class CompletableFutureGuard {
        static void whenDone(CompletableFuture<Verdict> f, Consumer<Verdict> then) {
            f.whenComplete((v, ex) -> then.accept(v != null ? v
                    : Verdict.failed(ErrorKind.INTERNAL, "the local evaluator failed: " + (ex == null ? "no verdict" : rootMessage(ex)), null, 0, 0)));
        }
    }
}
