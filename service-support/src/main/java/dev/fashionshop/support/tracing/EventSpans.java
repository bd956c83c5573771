package dev.fashionshop.support.tracing;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * A span for the handling of one event, in the trace the event came with: the Kafka connector starts and
 * ends a span per record of a batch as it arrives (its parent is the sender's span, from the record's
 * headers), so without this one a trace would show that the event arrived, not what its handling did or
 * how long it took. While the handler runs, its span is the current one: the events the handler writes
 * to the outbox carry it on.
 */
@ApplicationScoped
public class EventSpans {

    private final Tracer tracer;

    EventSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Runs the handler in a span named after the event, child of the record's own span. */
    public Uni<Void> handling(Message<?> record, String eventType, Supplier<Uni<Void>> handler) {
        return Uni.createFrom().deferred(() -> {
            Context parent = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext)
                    .orElse(Context.current());
            Span span = tracer.spanBuilder("handle " + eventType).setParent(parent).startSpan();
            Scope scope = parent.with(span).makeCurrent();
            return handler.get().onTermination().invoke((done, failure, cancelled) -> {
                scope.close();
                if (failure != null) {
                    span.recordException(failure).setStatus(StatusCode.ERROR);
                }
                span.end();
            });
        });
    }
}
