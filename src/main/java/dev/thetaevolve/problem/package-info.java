/** What a problem is: its spec, its trusted verifier, and the catalog that loads both from problems/ and evaluators/. */
package dev.thetaevolve.problem;
