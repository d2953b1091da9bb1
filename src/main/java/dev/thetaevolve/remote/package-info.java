/**
 * Evaluation beyond one machine: jobs on a durable RabbitMQ queue, evaluator processes with local worker
 * pools, verdicts back by correlation id and re-verified here. Plain Java (the RabbitMQ Java client); no
 * Quarkus.
 */
package dev.thetaevolve.remote;
