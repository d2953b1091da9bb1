package dev.thetaevolve.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with 413 and the API's JSON error before
 * anything reads it. A declared Content-Length is checked up front; a chunked body that grows past the
 * limit is cut by Vert.x, and the failure handler turns that 413 into the same JSON.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBody;

    private BodyHandler chunked;

    void install(@Observes Router router) {
        chunked = BodyHandler.create(false).setBodyLimit(maxBody.asLongValue());
        router.route().order(Integer.MIN_VALUE).handler(this::checkLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) tooLarge(ctx);
            else ctx.next();
        });
    }

    private void checkLength(RoutingContext ctx) {
        String len = ctx.request().getHeader("Content-Length");
        if (len != null) {
            try {
                if (Long.parseLong(len.trim()) > maxBody.asLongValue()) {
                    tooLarge(ctx);
                    return;
                }
            } catch (NumberFormatException e) {
                ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end(Json.encode(new ApiError("bad_request", "Content-Length is not a number: '" + len + "'")));
                return;
            }
        }
        HttpMethod method = ctx.request().method();
        if (len == null && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)) {
            // a chunked body has no declared length: read it here, under the limit, so that an overflow
            // fails this route (413, answered by the failure handler) instead of deep inside the endpoint
            chunked.handle(ctx);
            return;
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx) {
        ctx.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                .end(Json.encode(new ApiError("too_large", "the request body is larger than the limit of " + maxBody.asLongValue() + " bytes")));
    }
}
