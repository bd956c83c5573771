package dev.fashionshop.support.tracing;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * A span for the handling of one event, in the trace the event came with (the sender's span, from the
 * record's {@code traceparent} header). While the handler runs, its span is the current one: the events the
 * handler writes to the outbox carry it on.
 * <p>
 * The Kafka connector's own spans for incoming records are off (shared configuration): it starts and ends one
 * per record as the batch arrives, for the events a service passes over too, which told when an event arrived
 * and not what its handling did, and were half of an order's spans (docs/performance.md, seventeenth round).
 */
@ApplicationScoped
public class EventSpans {

    private final Tracer tracer;

    EventSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Runs the handler in a span named after the event, child of the span that sent it. */
    public Uni<Void> handling(KafkaRecord<?, ?> record, String eventType, Supplier<Uni<Void>> handler) {
        return Uni.createFrom().deferred(() -> {
            Header traceParent = record.getHeaders().lastHeader(TraceParent.HEADER);
            Context parent = TraceParent.toContext(traceParent == null || traceParent.value() == null ? null
                    : new String(traceParent.value(), StandardCharsets.US_ASCII));
            Span span = tracer.spanBuilder("handle " + eventType).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.destination.name", record.getTopic())
                    .startSpan();
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
