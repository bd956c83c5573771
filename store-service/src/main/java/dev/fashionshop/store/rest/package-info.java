/**
 * store-service's REST resources, and the heading of its OpenAPI document ({@code /q/openapi}): SmallRye OpenAPI reads
 * {@code @OpenAPIDefinition} from a package-info or a JAX-RS Application only.
 */
@OpenAPIDefinition(
        info = @Info(title = "store-service API", version = "1.0",
                description = "The owner's items and their stock, and the orders that reached the store. Every error is "
                        + "an RFC 9457 problem (application/problem+json)."),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "bearer",
                type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "A JWT from the shop's identity provider: sub is the user, groups holds buyer, owner or operator")))
package dev.fashionshop.store.rest;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
