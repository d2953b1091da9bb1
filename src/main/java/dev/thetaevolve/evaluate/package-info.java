/** The trust boundary: compile a candidate (Janino, then javac), scan it against the allow-list, run it in a killable worker JVM, and verify its raw output. */
package dev.thetaevolve.evaluate;
