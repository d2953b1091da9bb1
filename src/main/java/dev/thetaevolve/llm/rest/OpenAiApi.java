package dev.thetaevolve.llm.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The two OpenAI-compatible endpoints as a Quarkus REST Client interface. Bodies travel as JSON text
 * encoded and decoded by {@link dev.thetaevolve.llm.OpenAiCodec}, so both HTTP clients share one wire
 * format. Built per base URL by {@link RestLlmClient}, never injected.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface OpenAiApi {

    @POST
    @Path("chat/completions")
    Uni<String> chat(@HeaderParam("Authorization") String authorization, String body);

    @POST
    @Path("completions")
    Uni<String> complete(@HeaderParam("Authorization") String authorization, String body);
}
