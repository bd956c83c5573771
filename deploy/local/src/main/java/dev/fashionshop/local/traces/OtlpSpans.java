package dev.fashionshop.local.traces;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.ByteString;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/** Reads the spans of an OTLP export request (what a service's exporter sends) as {@link RecordedSpan}s. */
final class OtlpSpans {

    private static final HexFormat HEX = HexFormat.of();

    private OtlpSpans() {
    }

    static List<RecordedSpan> of(ExportTraceServiceRequest request) {
        List<RecordedSpan> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = serviceName(resourceSpans.getResource());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(new RecordedSpan(hex(span.getTraceId()), hex(span.getSpanId()),
                            span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId()), service, span.getName(),
                            kind(span.getKind()), span.getStartTimeUnixNano(), span.getEndTimeUnixNano(),
                            attributes(span.getAttributesList()),
                            span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR));
                }
            }
        }
        return spans;
    }

    private static String serviceName(Resource resource) {
        String name = attributes(resource.getAttributesList()).get("service.name");
        return name == null ? "unknown" : name;
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        keyValues.forEach(keyValue -> attributes.put(keyValue.getKey(), text(keyValue.getValue())));
        return attributes;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            default -> value.toString().strip();
        };
    }

    /** SPAN_KIND_SERVER as "server". */
    private static String kind(Span.SpanKind kind) {
        return kind.name().replace("SPAN_KIND_", "").toLowerCase(Locale.ROOT);
    }

    private static String hex(ByteString id) {
        return HEX.formatHex(id.toByteArray());
    }
}
