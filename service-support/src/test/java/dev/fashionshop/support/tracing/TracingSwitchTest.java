package dev.fashionshop.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class TracingSwitchTest {

    /** The configuration as a service would see it: the settings at an application's ordinal, the extension's default below. */
    private static SmallRyeConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "application.properties", 250))
                .withSources(new PropertiesConfigSource(Map.of(TracingSwitch.SDK_DISABLED, "false"), "defaults", Integer.MIN_VALUE))
                .withInterceptors(new TracingSwitch())
                .build();
    }

    private static boolean disabled(SmallRyeConfig config) {
        return config.getValue(TracingSwitch.SDK_DISABLED, Boolean.class);
    }

    @Test
    void withoutAnEndpointNothingIsRecorded() {
        assertThat(disabled(config(Map.of()))).isTrue();
    }

    @Test
    void anEndpointTurnsTracingOn() {
        assertThat(disabled(config(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4318")))).isFalse();
        assertThat(disabled(config(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4318")))).isFalse();
    }

    @Test
    void anExplicitSettingWins() {
        assertThat(disabled(config(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4318",
                TracingSwitch.SDK_DISABLED, "true")))).isTrue();
        assertThat(disabled(config(Map.of(TracingSwitch.SDK_DISABLED, "false")))).isFalse();
    }
}
