package dev.thetaevolve.remote;

import com.rabbitmq.client.Channel;

import java.io.IOException;
import java.util.Map;

/**
 * The queues both sides declare, with identical arguments (RabbitMQ refuses a redeclaration that differs).
 *
 * <ul>
 *   <li>{@code QUEUE}: the jobs, a durable quorum queue (replicated on a cluster, survives a broker restart).
 *   A job returned to it {@value #DELIVERY_LIMIT} times (its evaluators died or rejected it) and every job
 *   an evaluator rejects as undecodable go to the dead-letter queue, never into a crash loop.</li>
 *   <li>{@code QUEUE.dead}: the dead letters, durable, kept for a person to look at.</li>
 *   <li>{@code QUEUE.reply.<uuid>}: one per driving evaluator, durable so that verdicts outlive a broker
 *   restart, deleted by the broker after {@value #REPLY_IDLE_MILLIS} ms without a consumer.</li>
 * </ul>
 */
final class Topology {

    static final int DELIVERY_LIMIT = 5;
    static final long REPLY_IDLE_MILLIS = 30 * 60_000L;

    /** Message types on a reply queue. */
    static final String STARTED = "started";
    static final String VERDICT = "verdict";
    /** Content type of a job body. */
    static final String JOB_CONTENT_TYPE = "application/vnd.thetaevolve.job";
    static final String RESULT_CONTENT_TYPE = "application/vnd.thetaevolve.result";
    /** Header: epoch milliseconds after which nobody waits for the job's verdict. */
    static final String EXPIRES_HEADER = "thetaevolve-expires";

    private Topology() {
    }

    static String deadLetters(String queue) {
        return queue + ".dead";
    }

    static void declareJobs(Channel ch, String queue) throws IOException {
        ch.queueDeclare(deadLetters(queue), true, false, false, null);
        ch.queueDeclare(queue, true, false, false, Map.of(
                "x-queue-type", "quorum",
                "x-delivery-limit", DELIVERY_LIMIT,
                "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", deadLetters(queue)));
    }

    static void declareReplies(Channel ch, String replyQueue) throws IOException {
        ch.queueDeclare(replyQueue, true, false, false, Map.of("x-expires", REPLY_IDLE_MILLIS));
    }
}
