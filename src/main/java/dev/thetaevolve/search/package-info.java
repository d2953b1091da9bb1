/** Search mode: the candidate-visible {@link dev.thetaevolve.search.Objective} and the trusted basin-hopping {@link dev.thetaevolve.search.SearchHarness}. */
package dev.thetaevolve.search;
