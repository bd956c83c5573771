package dev.fashionshop.view.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.fashionshop.view.config.WebUiConfig;

/**
 * The web UI's settings for this deployment, read by the page when it starts: which sign-in it offers. Served
 * under /static with the page's other assets, the only paths of this service the gateway routes besides the APIs.
 */
@Path("/static/config.json")
@PermitAll
@Tag(name = "Web UI", description = "What the web UI reads when it starts")
public class WebUiConfigResource {

    /** {@code oidc} is null where no OIDC provider is configured. */
    public record WebUiSettings(boolean localSignIn, Oidc oidc) {
    }

    public record Oidc(String issuer, String clientId, String scope) {
    }

    private final WebUiSettings settings;

    public WebUiConfigResource(WebUiConfig config) {
        this.settings = new WebUiSettings(config.localSignIn(), config.oidc().issuer()
                .map(issuer -> new Oidc(issuer, config.oidc().clientId(), config.oidc().scope()))
                .orElse(null));
    }

    @Operation(summary = "The web UI's settings for this deployment: which sign-in it offers")
    @APIResponse(responseCode = "200", description = "Local sign-in on or off, and the OIDC provider if there is one")
    @GET
    public WebUiSettings get() {
        return settings;
    }
}
