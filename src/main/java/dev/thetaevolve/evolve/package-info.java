/** The evolution loop: steps of P parents × K samples, the lazy ladder, commits, and resume. */
package dev.thetaevolve.evolve;
