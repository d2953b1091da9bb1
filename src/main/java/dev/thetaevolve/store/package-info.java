/** Persistence with Hibernate ORM Panache: runs, programs (append-only) and steps; the only package that knows SQL. */
package dev.thetaevolve.store;
