/** The Quarkus wiring of the engine: catalog, evaluators, mutators and run lifecycles shared by the CLI and the REST API. */
package dev.thetaevolve.service;
