/** The in-memory program index: islands, a MAP-Elites grid, an elite archive, parent selection, migration and eviction. */
package dev.thetaevolve.database;
