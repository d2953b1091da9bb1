package dev.thetaevolve.api;

import dev.thetaevolve.api.Dtos.BestKnownDto;
import dev.thetaevolve.api.Dtos.ProblemDetail;
import dev.thetaevolve.api.Dtos.ProblemDto;
import dev.thetaevolve.api.Dtos.ReferenceDto;
import dev.thetaevolve.api.Dtos.ShapingDto;
import dev.thetaevolve.problem.BestKnown;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.api.Dtos.DrawRequest;
import dev.thetaevolve.service.Drawings;
import dev.thetaevolve.service.NotFound;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The problem library with the literature's bounds and the best score any run here has reached. */
@Path("/api/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemResource {

    @Inject
    ProblemCatalog catalog;
    @Inject
    StoreService store;
    @Inject
    Drawings drawings;
    @Inject
    ObjectMapper json;

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

    /**
     * Draws a construction ({"data": …}, the layout of the reference files) without storing it: 200 with
     * the drawing, which says "invalid" and why when strict verification fails; 400 without data.
     */
    @POST
    @Path("{id}/construction.svg")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(SvgResponse.TYPE)
    public Response draw(@PathParam("id") String id, DrawRequest request) throws JsonProcessingException {
        if (catalog.spec(id).isEmpty()) throw new NotFound("unknown problem '" + id + "'");
        if (request == null || request.data() == null || request.data().isNull()) throw new IllegalArgumentException("data is required: the construction as JSON");
        Object data = json.copy().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).treeToValue(request.data(), Object.class);
        return SvgResponse.of(drawings.submitted(id, data), false);
    }

    static BestKnownDto bestKnown(ProblemSpec s) {
        BestKnown b = s.bestKnown();
        return new BestKnownDto(b.value(), b.source(), b.check(),
                b.alphaEvolve() == null ? null : new ReferenceDto(b.alphaEvolve().value(), b.alphaEvolve().source()));
    }
}
