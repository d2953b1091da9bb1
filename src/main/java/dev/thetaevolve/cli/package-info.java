/** The picocli commands of the one jar that is both CLI and service. */
package dev.thetaevolve.cli;
