package dev.thetaevolve.api;

import dev.thetaevolve.api.Dtos.LineageItem;
import dev.thetaevolve.api.Dtos.ProgramDetail;
import dev.thetaevolve.service.Drawings;
import dev.thetaevolve.service.NotFound;
import dev.thetaevolve.store.ProgramView;
import dev.thetaevolve.store.StoreQueries;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** One program: its code, metrics, the evaluator's feedback and its lineage back to the seed. */
@Path("/api/programs")
@Produces(MediaType.APPLICATION_JSON)
public class ProgramResource {

    @Inject
    StoreQueries queries;
    @Inject
    StoreService store;
    @Inject
    Drawings drawings;

    @GET
    @Path("{id}")
    public ProgramDetail get(@PathParam("id") String idParam) {
        long id = Params.id("program id", idParam);
        ProgramView p = queries.program(id);
        if (p == null) throw new NotFound("no program with id " + id);
        List<ProgramView> chain = queries.lineage(p);
        Long parentId = chain.isEmpty() ? null : chain.get(0).id();
        return new ProgramDetail(p.id(), p.runId(), p.seq(), p.status(), p.score(), p.reward(), store.readMetrics(p.metrics()), p.feedback(), p.summary(),
                p.tier(), p.code(), parentId, chain.stream().map(q -> new LineageItem(q.id(), q.seq(), q.score(), q.summary())).toList());
    }

    /** The program's raw construction, as its solve() returned it (valid programs only; else 404). */
    @GET
    @Path("{id}/construction")
    public String construction(@PathParam("id") String id) {
        return drawings.programConstruction(Params.id("program id", id));
    }

    /** The program's construction drawn, with its strict verdict. */
    @GET
    @Path("{id}/construction.svg")
    @Produces(SvgResponse.TYPE)
    public Response constructionSvg(@PathParam("id") String id) {
        return SvgResponse.of(drawings.programDrawing(Params.id("program id", id)), true);
    }
}
