/** The LlmClient on the Quarkus REST Client with Mutiny: the one llm class that needs the Quarkus runtime. */
package dev.thetaevolve.llm.rest;
