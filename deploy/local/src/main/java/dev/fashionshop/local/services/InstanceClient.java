package dev.fashionshop.local.services;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;

/** The HTTP client the runner's own endpoints ask the service instances with, one by one. */
public final class InstanceClient {

    private InstanceClient() {
    }

    /**
     * An instance that accepts and never answers (SIGSTOP) must not hold the page that asked: 2 s to connect,
     * and 5 s without a byte, and it counts as down.
     */
    public static HttpClient create(Vertx vertx) {
        return vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setIdleTimeout(5)
                .setIdleTimeoutUnit(TimeUnit.SECONDS));
    }
}
