package dev.thetaevolve.api;

import dev.thetaevolve.api.Dtos.BestKnownDto;
import dev.thetaevolve.api.Dtos.ProblemDetail;
import dev.thetaevolve.api.Dtos.ProblemDto;
import dev.thetaevolve.api.Dtos.ShapingDto;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.service.NotFound;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The problem library with the literature's bounds and the best score any run here has reached. */
@Path("/api/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemResource {

    @Inject
    ProblemCatalog catalog;
    @Inject
    StoreService store;

    @GET
    public List<ProblemDto> list() {
        return catalog.specs().stream().map(s -> new ProblemDto(s.id(), s.title(), s.direction().word(), s.returnType().javaName(),
                s.timeLimitMillis(), bestKnown(s), store.bestScore(s.id(), s.direction()))).toList();
    }

    @GET
    @Path("{id}")
    public ProblemDetail get(@PathParam("id") String id) {
        ProblemSpec s = catalog.spec(id).orElseThrow(() -> new NotFound("unknown problem '" + id + "'"));
        return new ProblemDetail(s.id(), s.title(), s.direction().word(), s.returnType().javaName(), s.timeLimitMillis(), bestKnown(s),
                store.bestScore(s.id(), s.direction()), s.taskText(),
                new ShapingDto(s.shaping().a(), s.shaping().b(), s.shaping().alpha(), s.shaping().m()));
    }

    static BestKnownDto bestKnown(ProblemSpec s) {
        return new BestKnownDto(s.bestKnown().value(), s.bestKnown().source());
    }
}
