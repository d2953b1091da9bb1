package dev.thetaevolve.service;

import dev.thetaevolve.problem.ProblemCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the plain-Java core available to CDI. */
@ApplicationScoped
public class CoreProducers {

    @Produces
    @ApplicationScoped
    ProblemCatalog catalog() {
        return ProblemCatalog.open(ProblemCatalog.locateHome());
    }
}
