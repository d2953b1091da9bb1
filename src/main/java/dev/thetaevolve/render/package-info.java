/**
 * Drawings of constructions as standalone SVG documents, one kind of picture per problem family. Part of
 * the shell, not the engine core: the REST API serves them beside each construction's JSON, the CLI writes
 * them ({@code best --svg}, {@code verify --svg}) and the web page shows them. Plain Java: it uses the
 * problem verifiers' types and helpers, nothing from Quarkus.
 */
package dev.thetaevolve.render;
