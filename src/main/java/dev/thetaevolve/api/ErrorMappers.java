package dev.thetaevolve.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.thetaevolve.service.Conflict;
import dev.thetaevolve.service.InvalidConstruction;
import dev.thetaevolve.service.NotFound;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The API's only exception mappers: every failure becomes {@link ApiError} JSON. A client's mistake is
 * a 4xx with a message that says what to fix; a 500 means a bug here, and its details go to the log,
 * not to the client.
 */
public class ErrorMappers {

    static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(code, message)).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return error(404, "not_found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e) {
        return error(409, "conflict", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidConstruction(InvalidConstruction e) {
        return error(422, "invalid_construction", e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooMany(RateLimit.Exceeded e) {
        return Response.status(429).type(MediaType.APPLICATION_JSON).header("Retry-After", e.retryAfterSeconds)
                .entity(new ApiError("too_many_requests", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response badValue(IllegalArgumentException e) {
        return error(400, "bad_request", e.getMessage());
    }

    /** JSON of the wrong shape (a string where a number goes); more specific than Quarkus's own mapper. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return badJson(e);
    }

    /** Malformed JSON, or JSON of the wrong shape. */
    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String where = e instanceof MismatchedInputException m && !m.getPath().isEmpty() ? " at '" + path(m) + "'" : parserPath(e);
        String what = e instanceof InvalidFormatException ? "a value has the wrong type" : "the body is not valid JSON for this endpoint";
        return error(400, "bad_request", what + where + ": " + e.getOriginalMessage());
    }

    /** Where the parser stood (a number out of range, say): " at 'steps'", or nothing at the top level. */
    private static String parserPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p) || p.getParsingContext() == null) return "";
        String pointer = p.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "" : " at '" + pointer.substring(1).replace('/', '.') + "'";
    }

    private static String path(MismatchedInputException m) {
        StringBuilder b = new StringBuilder();
        for (var r : m.getPath()) {
            if (r.getFieldName() != null) b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            else b.append('[').append(r.getIndex()).append(']');
        }
        return b.toString();
    }

    /** JAX-RS's own answers (unknown path 404, wrong method 405, unsupported media type 415, …) as JSON. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException j) return badJson(j);
        if (status == 413) return error(413, "too_large", "the request body is too large");
        String code = switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal" : "bad_request";
        };
        return error(status, code, e.getMessage());
    }

    /** The body could not be read: cut at the size limit (413), or the client broke off (400). */
    @ServerExceptionMapper
    public Response unreadable(java.io.IOException e) {
        if (String.valueOf(e.getMessage()).contains("too large")) return error(413, "too_large", "the request body is too large");
        return error(400, "bad_request", "cannot read the request body: " + e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // a row another request inserted first (found at commit, wrapped): the client's clash, not a bug here
        if (Conflict.isUniqueViolation(e)) return error(409, "conflict", "that already exists (another request created it at the same time)");
        Log.error("unexpected error in a request", e);
        return error(500, "internal", "internal error: " + e.getClass().getSimpleName() + " (details in the service log)");
    }
}
