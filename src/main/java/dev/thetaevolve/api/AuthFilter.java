package dev.thetaevolve.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Write endpoints (every method but GET, HEAD and OPTIONS under /api) need {@code Authorization: Bearer <token>}; reads are public. */
public class AuthFilter {

    @Inject
    ApiTokens tokens;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext ctx) {
        String method = ctx.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) return null;
        if (!ctx.getUriInfo().getPath().startsWith("/api/")) return null;
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized("this endpoint needs the header 'Authorization: Bearer <token>' (see THETAEVOLVE_API_TOKEN)");
        }
        if (!tokens.accepts(header.substring(7))) return unauthorized("the bearer token is wrong");
        return null;
    }

    private static Response unauthorized(String message) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("unauthorized", message)).build();
    }
}
