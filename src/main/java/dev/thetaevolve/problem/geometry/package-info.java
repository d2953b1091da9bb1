/**
 * Trusted geometry shared by the verifiers of the geometric problems (circle packings, point-distance
 * ratios, Heilbronn configurations, hexagon packings): shape checks, the published validity tests
 * reproduced in doubles, tolerant checks, and the shrink that turns a tolerant-valid packing into a
 * strictly valid one.
 */
package dev.thetaevolve.problem.geometry;
