/**
 * Trusted exact and compensated arithmetic shared by the analytic and combinatorial verifiers
 * (autoconvolutions, correctly rounded sums, exact polynomial root isolation, exact integer geometry,
 * Bareiss determinants); compiled normally and called from the Janino-compiled verifiers in evaluators/.
 */
package dev.thetaevolve.problem.numeric;
