package dev.fashionshop.local.traces;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * The gateway's own spans, recorded by the OpenTelemetry SDK straight into the {@link TraceStore}. The gateway
 * starts the trace of every API request, so it decides which are kept: all of them, or the share the services
 * are given too ({@value #SAMPLER_RATIO}, read from the runner's environment, which the services inherit).
 */
public final class GatewayTracing implements AutoCloseable {

    public static final String SERVICE = "gateway";
    static final String SAMPLER_RATIO = "QUARKUS_OTEL_TRACES_SAMPLER_ARG";

    private final SdkTracerProvider provider;

    public GatewayTracing(TraceStore store) {
        this(store, ratio(System.getenv(SAMPLER_RATIO)));
    }

    GatewayTracing(TraceStore store, double ratio) {
        this.provider = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(ratio)))
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), SERVICE)))
                .addSpanProcessor(SimpleSpanProcessor.create(new IntoStore(store)))
                .build();
    }

    private static double ratio(String setting) {
        return setting == null || setting.isBlank() ? 1.0 : Double.parseDouble(setting);
    }

    public Tracer tracer() {
        return provider.get("dev.fashionshop.local.gateway");
    }

    @Override
    public void close() {
        provider.close();
    }

    private record IntoStore(TraceStore store) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            store.add(spans.stream().map(IntoStore::recorded).toList());
            return CompletableResultCode.ofSuccess();
        }

        private static RecordedSpan recorded(SpanData span) {
            Map<String, String> attributes = new LinkedHashMap<>();
            span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
            return new RecordedSpan(span.getTraceId(), span.getSpanId(),
                    span.getParentSpanContext().isValid() ? span.getParentSpanId() : null, SERVICE, span.getName(),
                    span.getKind().name().toLowerCase(Locale.ROOT), span.getStartEpochNanos(), span.getEndEpochNanos(),
                    attributes, span.getStatus().getStatusCode() == StatusCode.ERROR);
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
