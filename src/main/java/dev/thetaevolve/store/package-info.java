/**
 * Persistence with Hibernate ORM Panache and Flyway: runs, programs (append-only), steps, leaderboards; the
 * only package that knows SQL or an entity. The rest of the application sees records ({@link
 * dev.thetaevolve.store.RunView} and its siblings) and {@link dev.thetaevolve.store.RunStatus}.
 */
package dev.thetaevolve.store;
