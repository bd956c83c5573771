package dev.fashionshop.benchmark;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** The owner's rounds: one request for each id a list answered (saved under {@code attribute}), as {@code #{id}}. */
final class CoreForeach {

    private CoreForeach() {
    }

    static ChainBuilder each(String attribute, HttpRequestActionBuilder request) {
        return foreach("#{" + attribute + "}", "id").on(exec(request));
    }
}
