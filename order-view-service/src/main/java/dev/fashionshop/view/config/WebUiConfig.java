package dev.fashionshop.view.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the web UI signs people in (shop.ui.*), answered to the page by {@code GET /static/config.json}. */
@ConfigMapping(prefix = "shop.ui")
public interface WebUiConfig {

    /** Whether the page offers the local run's demo users and its token endpoint (POST /api/auth/token). */
    @WithDefault("true")
    boolean localSignIn();

    /** The OIDC provider the page signs in with (authorization code with PKCE, a public client), if any. */
    Oidc oidc();

    interface Oidc {

        /** The provider's issuer URL (its discovery document is under /.well-known/openid-configuration). */
        Optional<String> issuer();

        @WithDefault("fashion-shop-web")
        String clientId();

        @WithDefault("openid")
        String scope();
    }
}
