package dev.thetaevolve.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.Map;

/**
 * Declares in the OpenAPI document what {@link AuthFilter} enforces: a bearer scheme, required by every
 * operation under /api that is not a GET, HEAD or OPTIONS. Derived from the paths, so a new write
 * endpoint is documented as protected without an annotation.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BearerSecurity implements OASFilter {
    static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) openAPI.setComponents(OASFactory.createComponents());
        Components c = openAPI.getComponents();
        c.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The service's API token (THETAEVOLVE_API_TOKEN; see README, 'The API token')."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) continue;
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                PathItem.HttpMethod m = op.getKey();
                if (m == PathItem.HttpMethod.GET || m == PathItem.HttpMethod.HEAD || m == PathItem.HttpMethod.OPTIONS) continue;
                op.getValue().addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
                op.getValue().getResponses().addAPIResponse("401", OASFactory.createAPIResponse().description("no or a wrong bearer token"));
            }
        }
    }
}
