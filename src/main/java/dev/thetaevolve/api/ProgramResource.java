package dev.thetaevolve.api;

import dev.thetaevolve.api.Dtos.LineageItem;
import dev.thetaevolve.api.Dtos.ProgramDetail;
import dev.thetaevolve.service.NotFound;
import dev.thetaevolve.store.ProgramEntity;
import dev.thetaevolve.store.StoreQueries;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** One program: its code, metrics, the evaluator's feedback and its lineage back to the seed. */
@Path("/api/programs")
@Produces(MediaType.APPLICATION_JSON)
public class ProgramResource {

    @Inject
    StoreQueries queries;
    @Inject
    StoreService store;

    @GET
    @Path("{id}")
    public ProgramDetail get(@PathParam("id") long id) {
        ProgramEntity p = queries.program(id);
        if (p == null) throw new NotFound("no program with id " + id);
        List<ProgramEntity> chain = queries.lineage(p);
        Long parentId = chain.isEmpty() ? null : chain.get(0).id;
        return new ProgramDetail(p.id, p.runId, p.seq, p.status, p.score, p.reward, store.readMetrics(p.metrics), p.feedback, p.summary,
                p.tier, p.code, parentId, chain.stream().map(q -> new LineageItem(q.id, q.seq, q.score, q.summary)).toList());
    }
}
