package dev.fashionshop.local.gateway;

import io.vertx.ext.web.Router;

/** Paths the gateway answers itself (such as /local/services) instead of forwarding them to a service. */
public interface LocalEndpoint {

    /** Adds the endpoint's routes: paths and methods; the router answers 404 and 405 for what none of them takes. */
    void addRoutes(Router router);
}
