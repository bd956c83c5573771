package dev.fashionshop.support.tracing;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Traces are recorded and exported when an OTLP endpoint is configured, and not at all without one:
 * Quarkus' OTLP exporter cannot be switched off at run time, and with no endpoint it would send to
 * localhost:4317 and log a failure for every batch (quarkusio/quarkus#44200). So, unless
 * {@value #SDK_DISABLED} is set explicitly, it follows the endpoint: one setting, the endpoint, turns
 * tracing on (docs/decisions.md, "Traces").
 */
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    private static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    /** Values from below MicroProfile Config's default ordinal are the extensions' own defaults, not a setting. */
    private static final int SET_BY_SOMEONE = 100;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || setBySomeone(value)) {
            return value;
        }
        boolean exporting = setBySomeone(context.proceed(TRACES_ENDPOINT)) || setBySomeone(context.proceed(ENDPOINT));
        return ConfigValue.builder()
                .withName(name)
                .withValue(String.valueOf(!exporting))
                .withConfigSourceName(TracingSwitch.class.getSimpleName())
                .withConfigSourceOrdinal(SET_BY_SOMEONE)
                .build();
    }

    private static boolean setBySomeone(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() >= SET_BY_SOMEONE;
    }
}
