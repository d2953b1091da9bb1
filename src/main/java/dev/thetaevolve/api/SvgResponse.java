package dev.thetaevolve.api;

import dev.thetaevolve.render.ConstructionSvg;
import jakarta.ws.rs.core.Response;

/** Drawings as HTTP answers: image/svg+xml, cached for a day when what they show can never change. */
final class SvgResponse {
    static final String TYPE = ConstructionSvg.MEDIA_TYPE;

    private SvgResponse() {
    }

    /** @param immutable true for a stored entry or program (ids are never reused), false for "the best" */
    static Response of(String svg, boolean immutable) {
        return Response.ok(svg, TYPE + ";charset=utf-8")
                .header("Cache-Control", immutable ? "public, max-age=86400, immutable" : "no-cache")
                // opened on its own, a drawing can run nothing and load nothing (it embeds its rasters as data: URIs)
                .header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
