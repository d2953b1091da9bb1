package dev.thetaevolve.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.api.Dtos.EntryDto;
import dev.thetaevolve.api.Dtos.LeaderboardDto;
import dev.thetaevolve.api.Dtos.SubmissionRequest;
import dev.thetaevolve.api.Dtos.SubmissionResult;
import dev.thetaevolve.service.Drawings;
import dev.thetaevolve.service.Leaderboards;
import dev.thetaevolve.store.EntryView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Per-problem leaderboards of strictly verified constructions, from runs and from submissions. */
@Path("/api/leaderboards")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    @Inject
    Leaderboards boards;
    @Inject
    ObjectMapper json;
    @Inject
    RateLimit limit;
    @Inject
    Drawings drawings;

    @GET
    @Path("{problem}")
    public LeaderboardDto board(@PathParam("problem") String problem) {
        Leaderboards.Board b = boards.board(problem);
        return new LeaderboardDto(b.spec().id(), b.spec().direction().word(), ProblemResource.bestKnown(b.spec()), b.beatsBestKnown(),
                b.entries().stream().map(LeaderboardResource::dto).toList());
    }

    /**
     * Verifies a construction strictly (no code runs) and ranks it: 201 with the new entry and its rank; 200
     * with the entry already there when the board holds the same construction (normalized numbers); 422 with
     * the verifier's reason; 429 past the per-token rate limit.
     */
    @POST
    @Path("{problem}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("problem") String problem, @jakarta.ws.rs.HeaderParam("Authorization") String authorization,
                           SubmissionRequest request) throws JsonProcessingException {
        limit.take(authorization == null || authorization.length() < 7 ? "" : authorization.substring(7));
        if (request == null || request.data() == null || request.data().isNull()) throw new IllegalArgumentException("data is required: the construction as JSON");
        if (request.submitter() == null || request.submitter().isBlank() || request.submitter().length() > 200) {
            throw new IllegalArgumentException("submitter is required (1-200 characters)");
        }
        Object data = json.treeToValue(request.data(), Object.class);
        Leaderboards.Ranked r = boards.submit(problem, data, request.submitter().strip());
        SubmissionResult result = new SubmissionResult(dto(r.entry()), r.rank(), r.existing());
        if (r.existing()) return Response.ok(result).build();
        return Response.created(URI.create("/api/leaderboards/" + problem + "/entries/" + r.entry().id() + "/construction"))
                .entity(result).build();
    }

    @GET
    @Path("{problem}/entries/{id}/construction")
    public String construction(@PathParam("problem") String problem, @PathParam("id") String id) {
        return boards.construction(problem, Params.id("entry id", id));
    }

    /** The entry's construction drawn (problem, strict score, validity and the picture of its family). */
    @GET
    @Path("{problem}/entries/{id}/construction.svg")
    @Produces(SvgResponse.TYPE)
    public Response constructionSvg(@PathParam("problem") String problem, @PathParam("id") String id) {
        return SvgResponse.of(drawings.entry(problem, Params.id("entry id", id)), true);
    }

    /** The drawing of the board's best entry (the problem's thumbnail); 404 while the board is empty. */
    @GET
    @Path("{problem}/best/construction.svg")
    @Produces(SvgResponse.TYPE)
    public Response bestSvg(@PathParam("problem") String problem) {
        return SvgResponse.of(drawings.leaderboardBest(problem), false);
    }

    static EntryDto dto(EntryView e) {
        return new EntryDto(e.id(), e.score(), e.submitter(), e.runId(), e.programId(), e.createdAt());
    }
}
