package dev.thetaevolve.api;

import dev.thetaevolve.api.Dtos.BestDto;
import dev.thetaevolve.api.Dtos.HistoryPoint;
import dev.thetaevolve.api.Dtos.ProgramSummary;
import dev.thetaevolve.api.Dtos.RatesDto;
import dev.thetaevolve.api.Dtos.ResumeRequest;
import dev.thetaevolve.api.Dtos.RunDetail;
import dev.thetaevolve.api.Dtos.RunRef;
import dev.thetaevolve.api.Dtos.RunRequest;
import dev.thetaevolve.api.Dtos.RunStatus;
import dev.thetaevolve.api.Dtos.RunSummary;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.service.NotFound;
import dev.thetaevolve.service.RunFeed;
import dev.thetaevolve.service.RunManager;
import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.StepView;
import dev.thetaevolve.store.StoreQueries;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Runs: start, list, inspect, stop, resume, follow live, and their best programs. */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "thetaevolve.llm.url")
    java.util.Optional<String> defaultLlmUrl;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "thetaevolve.llm.model")
    java.util.Optional<String> defaultLlmModel;


    @Inject
    RunManager manager;
    @Inject
    RunFeed feed;
    @Inject
    StoreService store;
    @Inject
    StoreQueries queries;
    @Inject
    ProblemCatalog catalog;
    @Inject
    dev.thetaevolve.service.Drawings drawings;

    /**
     * Starts a run at once. Defaults: mutator builtin, steps 10 (none when minutes is given), parents 32,
     * samples 16, workers = the service's per-run maximum, seed 0, the problem's tolerance.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(RunRequest request) {
        if (request == null) throw new IllegalArgumentException("a JSON body is required");
        if (request.problem() == null) throw new IllegalArgumentException("problem is required");
        ProblemSpec spec = catalog.spec(request.problem()).orElseThrow(() -> new NotFound("unknown problem '" + request.problem() + "'"));
        RunView run = manager.create(request.name(), RunRequests.settings(request, spec, manager.maxWorkers(), defaultLlmUrl.orElse(null), defaultLlmModel.orElse(null)));
        return Response.created(URI.create("/api/runs/" + run.id())).entity(new RunRef(run.id(), run.name(), run.status().name())).build();
    }

    @GET
    public List<RunSummary> list() {
        return store.runs().stream().map(r -> new RunSummary(r.id(), r.name(), r.problem(), r.status().name(), r.committedSteps(), r.evaluations(), r.programs(),
                r.bestScore(), r.seedScore(), r.createdAt())).toList();
    }

    @GET
    @Path("{run}")
    public RunDetail get(@PathParam("run") String ref) {
        RunView r = run(ref);
        long id = r.id();
        StoreQueries.StepTotals t = queries.totals(id);
        Long bestId = r.bestProgram() == null ? null : queries.programId(id, r.bestProgram());
        RatesDto rates = new RatesDto(t.children() == 0 ? 0 : 100.0 * t.valid() / t.children(),
                t.millis() == 0 ? 0 : 1000.0 * t.evaluations() / t.millis());
        return new RunDetail(r.id(), r.name(), r.problem(), r.mutator(), r.status().name(), r.committedSteps(), r.evaluations(), r.programs(),
                new BestDto(r.bestScore(), bestId), r.seedScore(), rates, r.message(), r.targetStep(), store.sampleFailures(r.id()));
    }

    @POST
    @Path("{run}/stop")
    public Response stop(@PathParam("run") String ref) {
        RunView r = manager.stop(run(ref).id());
        return Response.accepted(new RunStatus(r.id(), r.status().name())).build();
    }

    /** Resumes with a new budget ({"steps","minutes"}; no body: the run's original budget). */
    @POST
    @Path("{run}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resume(@PathParam("run") String ref, ResumeRequest budget) {
        long id = run(ref).id();
        if (budget != null) {
            if (budget.steps() != null && budget.steps() < 0) throw new IllegalArgumentException("steps must be >= 0, got '" + budget.steps() + "'");
            if (budget.minutes() != null && !(budget.minutes() >= 0)) throw new IllegalArgumentException("minutes must be >= 0, got '" + budget.minutes() + "'");
        }
        RunView r = budget == null ? manager.resume(id, null, null) : manager.resume(id, budget.steps(), budget.minutes());
        return Response.accepted(new RunStatus(r.id(), r.status().name())).build();
    }

    /**
     * Server-sent events: step, best, then one of stopped, finished, failed (the stream ends there). The
     * event id is the step number, so a reconnecting client (Last-Event-ID) or {@code ?after=N} gets only
     * later steps; with neither, only steps committed from now on come.
     */
    @GET
    @Path("{run}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("run") String ref, @QueryParam("after") String after, @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        long id = run(ref).id();
        Integer from = after == null ? null : Params.integer("after", after, 0, Integer.MAX_VALUE);
        if (from == null && lastEventId != null) {
            try {
                from = Integer.parseInt(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Last-Event-ID must be a step number, got '" + lastEventId + "'");
            }
        }
        feed.follow(id, from, ev -> {
            if (sink.isClosed()) throw new IllegalStateException("the client went away");
            sink.send(sse.newEventBuilder().name(ev.name()).id(ev.id()).mediaType(MediaType.APPLICATION_JSON_TYPE).data(ev.data()).build());
        }, sink::close);
    }

    /**
     * Best score against cumulative evaluations, one point per committed step (step 0 is the seed),
     * downsampled to about {@code max} points (default 1000): the first and last step and every step that
     * improved the best are always kept.
     */
    @GET
    @Path("{run}/history")
    public List<HistoryPoint> history(@PathParam("run") String ref, @QueryParam("max") @DefaultValue("1000") String maxParam) {
        int max = Params.integer("max", maxParam, 2, 1_000_000);
        long id = run(ref).id();
        List<HistoryPoint> out = new ArrayList<>();
        long evaluations = 0;
        for (StepView s : queries.steps(id)) {
            evaluations += s.evaluations();
            out.add(new HistoryPoint(s.step(), evaluations, s.bestScore()));
        }
        return History.downsample(out, max);
    }

    /** The best valid programs, best first (by the problem's direction). */
    @GET
    @Path("{run}/programs")
    public List<ProgramSummary> programs(@PathParam("run") String ref, @QueryParam("top") @DefaultValue("10") String topParam) {
        int top = Params.integer("top", topParam, 1, 1000);
        RunView r = run(ref);
        long id = r.id();
        ProblemSpec spec = catalog.spec(r.problem()).orElseThrow(() -> new NotFound("the problem '" + r.problem() + "' of this run is no longer known"));
        return queries.top(id, spec.direction(), top).stream()
                .map(p -> new ProgramSummary(p.id(), p.seq(), p.score(), p.status(), p.parentSeq(), p.generation(), p.step(), p.summary())).toList();
    }

    /** The run's best construction as JSON (404 before the run has a valid program). */
    @GET
    @Path("{run}/best/construction")
    public String bestConstruction(@PathParam("run") String ref) {
        return drawings.programConstruction(drawings.runBest(run(ref).id()));
    }

    /** The run's best construction drawn; changes as the run improves. */
    @GET
    @Path("{run}/best/construction.svg")
    @Produces(SvgResponse.TYPE)
    public Response bestConstructionSvg(@PathParam("run") String ref) {
        return SvgResponse.of(drawings.programDrawing(drawings.runBest(run(ref).id())), false);
    }

    /** A run by its id, else by its name, as {@code watch} resolves it (an all-digit name is found when no run has that id). */
    private RunView run(String ref) {
        RunView r = null;
        if (ref.matches("\\d{1,18}")) r = store.run(Long.parseLong(ref));
        if (r == null) r = store.run(ref);
        if (r == null) throw new NotFound("no run with id or name '" + ref + "'");
        return r;
    }
}
