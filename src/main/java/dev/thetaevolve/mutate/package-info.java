/** How children are made: the Mutator seam, the SEARCH/REPLACE diff format, the lazy check, the built-in mutator and the prompt. */
package dev.thetaevolve.mutate;
